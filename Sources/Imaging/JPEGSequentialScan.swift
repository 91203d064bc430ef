/// Sequential (baseline and extended) Huffman scans: each block is decoded and inverse-transformed
/// straight into its component plane, since a sequential block is final once its scan has passed.
extension JPEGDecodingState {
    /// Decodes one sequential scan into the component planes.
    mutating func decodeSequentialScan(_ scan: JPEGScanHeader) throws(ImagingError) {
        guard let frame else { return }
        if scan.spectralStart != 0 || scan.spectralEnd != 63 || scan.approximationHigh != 0 || scan.approximationLow != 0 {
            warn("Invalid SOS parameters for sequential JPEG")
        }
        let layout = try JPEGScanLayout(frame: frame, scan: scan, file: file)
        let (tables, dcOffsets, acOffsets) = try prepare(scan, needDC: true, needAC: true)
        let blockCount = layout.blockSlot.count
        // Per MCU block: plane offset in the first MCU, steps to the next MCU, row stride, quantisers, tables.
        let (blockBase, mcuStepX, mcuStepY) = layout.blockAddresses(
            origins: planeOffsets, rowPitch: planeStrides.map { 8 * $0 }, blockStep: 8)
        let blockStride = layout.blockComponent.map { planeStrides[$0] }
        let blockQuant = layout.blockComponent.map { $0 * 64 }
        let blockDC = layout.blockSlot.map { dcOffsets[$0] }
        let blockAC = layout.blockSlot.map { acOffsets[$0] }
        let slotCount = scan.componentIndices.count
        var planes = samples
        samples = []
        let start = position
        let interval = restartInterval
        let quant = componentQuant
        let segment: JPEGEntropySegment = bytes.withUnsafeBufferPointer { data in
            planes.withUnsafeMutableBufferPointer { planePointer in
                tables.withUnsafeBufferPointer { tablePointer in
                    quant.withUnsafeBufferPointer { quantPointer in
                        let scratch = JPEGScratch()
                        defer { scratch.deallocate() }
                        guard let out = planePointer.baseAddress, let tbl = tablePointer.baseAddress, let q = quantPointer.baseAddress else {
                            return JPEGEntropySegment(reader: JPEGBitReader(data: data, position: start), restartInterval: interval)
                        }
                        var seg = JPEGEntropySegment(reader: JPEGBitReader(data: data, position: start), restartInterval: interval)
                        var lastDC = [Int32](repeating: 0, count: slotCount)
                        for my in 0..<layout.mcusPerColumn {
                            for mx in 0..<layout.mcusPerLine {
                                if seg.beginMCU() {
                                    for i in 0..<slotCount { lastDC[i] = 0 }
                                }
                                let decoding = !seg.reader.insufficient
                                for b in 0..<blockCount {
                                    let block = scratch.blocks
                                    var hasAC = false
                                    if decoding {
                                        let slot = layout.blockSlot[b]
                                        hasAC = Self.decodeBlock(
                                            &seg.reader, dc: tbl + blockDC[b], ac: tbl + blockAC[b],
                                            lastDC: &lastDC[slot], block: block, natural: scratch.natural)
                                    } else {
                                        block[0] = 0
                                    }
                                    let dest = out + blockBase[b] + my * mcuStepY[b] + mx * mcuStepX[b]
                                    if hasAC {
                                        JPEGIDCT.transform(
                                            block, quant: q + blockQuant[b], output: dest, stride: blockStride[b],
                                            workspace: scratch.workspace)
                                        block.update(repeating: 0, count: 64)
                                    } else {
                                        // Most blocks of smooth images carry only a DC value.
                                        JPEGIDCT.fillDCOnly(block[0], quant: q[blockQuant[b]], output: dest, stride: blockStride[b])
                                    }
                                }
                                seg.endMCU()
                            }
                        }
                        return seg
                    }
                }
            }
        }
        samples = planes
        finish(segment)
    }

    /// Decodes one sequential block (DC difference, then run/size-coded AC coefficients) into a
    /// block that is zero on entry; returns whether any AC coefficient was written.
    @inline(__always)
    static func decodeBlock(
        _ r: inout JPEGBitReader, dc: UnsafePointer<Int32>, ac: UnsafePointer<Int32>,
        lastDC: inout Int32, block: UnsafeMutablePointer<Int16>, natural: UnsafePointer<Int>
    ) -> Bool {
        var hasAC = false
        r.ensure32()
        let s = r.decodeUnchecked(dc)
        let diff = s == 0 ? 0 : r.takeExtended(s)
        lastDC = lastDC &+ Int32(truncatingIfNeeded: diff)
        block[0] = Int16(truncatingIfNeeded: lastDC)
        var k = 1
        while k < 64 {
            r.ensure32()
            let rs = r.decodeUnchecked(ac)
            let run = rs &>> 4
            let size = rs & 15
            if size != 0 {
                k &+= run
                block[natural[k]] = Int16(truncatingIfNeeded: r.takeExtended(size))
                hasAC = true
            } else {
                if run != 15 { break }
                k &+= 15
            }
            k &+= 1
        }
        return hasAC
    }
}
