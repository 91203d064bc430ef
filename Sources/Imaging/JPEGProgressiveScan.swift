/// Progressive Huffman scans (T.81 G.1.2): DC first/refine over interleaved MCUs, AC first/refine
/// over one component's blocks, accumulating into the coefficient buffer.
extension JPEGDecodingState {
    /// Decodes one progressive scan into the coefficient buffer, after libjpeg's parameter checks.
    mutating func decodeProgressiveScan(_ scan: JPEGScanHeader) throws(ImagingError) {
        guard let frame else { return }
        let ss = scan.spectralStart, se = scan.spectralEnd
        let ah = scan.approximationHigh, al = scan.approximationLow
        let isDC = ss == 0
        var bad = isDC ? se != 0 : (ss > se || se > 63 || scan.componentIndices.count != 1)
        if ah != 0, al != ah - 1 { bad = true }
        if al > 13 { bad = true }
        if bad {
            throw .corrupt(file: file, reason: "invalid progressive parameters Ss=\(ss) Se=\(se) Ah=\(ah) Al=\(al)")
        }
        scanCount += 1
        trackProgression(scan)

        let layout = try JPEGScanLayout(frame: frame, scan: scan, file: file)
        let (tables, dcOffsets, acOffsets) = try prepare(scan, needDC: isDC && ah == 0, needAC: !isDC)
        let blockCount = layout.blockSlot.count
        // Per MCU block: coefficient offset in the first MCU and steps to the next MCU.
        let (blockBase, mcuStepX, mcuStepY) = layout.blockAddresses(
            origins: coefficientOffsets, rowPitch: frame.components.map { $0.blocksPerLine * 64 }, blockStep: 64)
        let slotCount = scan.componentIndices.count
        // Rows of blocks per iMCU row: one MCU row when interleaved, v block rows otherwise.
        let mcuRowsPerIMCURow = slotCount == 1 ? frame.components[scan.componentIndices[0]].verticalSampling : 1
        var lastGood = lastGoodIMCURow
        var coefs = coefficients
        coefficients = []
        let start = position
        let interval = restartInterval
        let segment: JPEGEntropySegment = bytes.withUnsafeBufferPointer { data in
            coefs.withUnsafeMutableBufferPointer { coefPointer in
                tables.withUnsafeBufferPointer { tablePointer in
                    let scratch = JPEGScratch()
                    defer { scratch.deallocate() }
                    var seg = JPEGEntropySegment(reader: JPEGBitReader(data: data, position: start), restartInterval: interval)
                    guard let base = coefPointer.baseAddress, let tbl = tablePointer.baseAddress else { return seg }
                    var lastDC = [Int32](repeating: 0, count: slotCount)
                    var eobRun = 0
                    for my in 0..<layout.mcusPerColumn {
                        for mx in 0..<layout.mcusPerLine {
                            // libjpeg notes the row before the MCU's restart handling can clear the flag.
                            if !seg.reader.insufficient { lastGood = my / mcuRowsPerIMCURow }
                            if seg.beginMCU() {
                                for i in 0..<slotCount { lastDC[i] = 0 }
                                eobRun = 0
                            }
                            // DC refinement reads on regardless: zero bits change nothing.
                            if !seg.reader.insufficient || (isDC && ah != 0) {
                                for b in 0..<blockCount {
                                    let block = base + blockBase[b] + my * mcuStepY[b] + mx * mcuStepX[b]
                                    if isDC {
                                        if ah == 0 {
                                            let slot = layout.blockSlot[b]
                                            let s = seg.reader.decode(tbl + dcOffsets[slot])
                                            let diff = s == 0 ? 0 : seg.reader.receiveExtended(s)
                                            lastDC[slot] = lastDC[slot] &+ Int32(truncatingIfNeeded: diff)
                                            block[0] = Int16(truncatingIfNeeded: Int(lastDC[slot]) << al)
                                        } else if seg.reader.receive(1) != 0 {
                                            block[0] |= Int16(truncatingIfNeeded: 1 << al)
                                        }
                                    } else if ah == 0 {
                                        Self.decodeACFirst(
                                            &seg.reader, table: tbl + acOffsets[0], block: block, start: ss, end: se,
                                            shift: al, eobRun: &eobRun, natural: scratch.natural)
                                    } else {
                                        Self.decodeACRefine(
                                            &seg.reader, table: tbl + acOffsets[0], block: block, start: ss, end: se,
                                            bit: al, eobRun: &eobRun, natural: scratch.natural)
                                    }
                                }
                            }
                            seg.endMCU()
                        }
                    }
                    return seg
                }
            }
        }
        coefficients = coefs
        lastGoodIMCURow = lastGood
        finish(segment)
    }

    /// Records which coefficient bits each component has received, warning like libjpeg
    /// about scans that arrive out of order.
    mutating func trackProgression(_ scan: JPEGScanHeader) {
        let isDC = scan.spectralStart == 0
        for index in scan.componentIndices {
            let base = index * 64
            for k in min(scan.spectralStart, 1)...max(min(scan.spectralEnd, 63), 9) {
                previousCoefficientBits[base + k] = scanCount > 1 ? coefficientBits[base + k] : 0
            }
            if !isDC, coefficientBits[base] < 0 {
                warn("Inconsistent progression sequence for component \(index) coefficient 0")
            }
            for k in scan.spectralStart...min(scan.spectralEnd, 63) {
                let expected = max(coefficientBits[base + k], 0)
                if scan.approximationHigh != expected {
                    warn("Inconsistent progression sequence for component \(index) coefficient \(k)")
                }
                coefficientBits[base + k] = scan.approximationLow
            }
        }
    }

    /// First AC scan of a band: run/size symbols, with EOBn runs spanning blocks.
    @inline(__always)
    static func decodeACFirst(
        _ r: inout JPEGBitReader, table: UnsafePointer<Int32>, block: UnsafeMutablePointer<Int16>,
        start: Int, end: Int, shift: Int, eobRun: inout Int, natural: UnsafePointer<Int>
    ) {
        if eobRun > 0 {
            eobRun -= 1
            return
        }
        var k = start
        while k <= end {
            let rs = r.decode(table)
            let run = rs >> 4
            let size = rs & 15
            if size != 0 {
                k += run
                let v = r.receiveExtended(size)
                block[natural[k]] = Int16(truncatingIfNeeded: v << shift)
            } else if run == 15 {
                k += 15
            } else {
                eobRun = 1 << run
                if run != 0 { eobRun += r.receive(run) }
                eobRun -= 1
                break
            }
            k += 1
        }
    }

    /// AC refinement: one correction bit per already-nonzero coefficient in the band, and new
    /// ±1 coefficients placed after the given number of still-zero ones.
    @inline(__always)
    static func decodeACRefine(
        _ r: inout JPEGBitReader, table: UnsafePointer<Int32>, block: UnsafeMutablePointer<Int16>,
        start: Int, end: Int, bit: Int, eobRun: inout Int, natural: UnsafePointer<Int>
    ) {
        let p1 = Int16(truncatingIfNeeded: 1 << bit)
        let m1 = Int16(truncatingIfNeeded: -1 << bit)
        var k = start
        if eobRun == 0 {
            while k <= end {
                let rs = r.decode(table)
                var run = rs >> 4
                let size = rs & 15
                var value: Int16 = 0
                if size != 0 {
                    // Only size 1 is legal; libjpeg warns and carries on with the sign bit.
                    if size != 1 { r.badCodes += 1 }
                    value = r.receive(1) != 0 ? p1 : m1
                } else if run != 15 {
                    eobRun = 1 << run
                    if run != 0 { eobRun += r.receive(run) }
                    break
                }
                repeat {
                    let c = block + natural[k]
                    if c.pointee != 0 {
                        if r.receive(1) != 0, c.pointee & p1 == 0 {
                            c.pointee = c.pointee >= 0 ? c.pointee &+ p1 : c.pointee &+ m1
                        }
                    } else {
                        run -= 1
                        if run < 0 { break }
                    }
                    k += 1
                } while k <= end
                if value != 0 {
                    block[natural[k]] = value
                }
                k += 1
            }
        }
        if eobRun > 0 {
            while k <= end {
                let c = block + natural[k]
                if c.pointee != 0, r.receive(1) != 0, c.pointee & p1 == 0 {
                    c.pointee = c.pointee >= 0 ? c.pointee &+ p1 : c.pointee &+ m1
                }
                k += 1
            }
            eobRun -= 1
        }
    }
}
