/// libjpeg-turbo's inter-block smoothing for progressive images whose low AC coefficients are
/// not fully known (a truncated file, or one missing scans).
///
/// The first nine AC coefficients of each block are estimated from the DC values of its 5×5
/// block neighbourhood (T.81 K.8, widened); when no AC data has arrived at all, the DC is
/// smoothed too. An estimate replaces only a coefficient that is still zero, and is capped
/// below the next unknown bit.
enum JPEGBlockSmoothing {
    /// Weights over the 5×5 neighbourhood (rows above to below, columns left to right) for
    /// zigzag coefficients 0...9, used while some AC data is known (DC is never changed then).
    static let partialKernels: [[Int]] = [
        [],
        row(2, [-7, 50, 0, -50, 7]),
        column(2, [-7, 50, 0, -50, 7]),
        column(2, [-1, 13, -24, 13, -1]),
        [0, -1, 0, 1, 0, -1, 10, 0, -10, 1, 0, 0, 0, 0, 0, 1, -10, 0, 10, -1, 0, 1, 0, -1, 0],
        row(2, [-1, 13, -24, 13, -1]),
        [], [], [], [],
    ]

    /// The kernels used when only DC data exists: a smoother estimate that also adjusts the DC.
    static let dcOnlyKernels: [[Int]] = [
        [-2, -6, -8, -6, -2, -6, 6, 42, 6, -6, -8, 42, 152, 42, -8, -6, 6, 42, 6, -6, -2, -6, -8, -6, -2],
        [-1, -1, 0, 1, 1, -3, 13, 0, -13, 3, -3, 38, 0, -38, 3, -3, 13, 0, -13, 3, -1, -1, 0, 1, 1],
        [-1, -3, -3, -3, -1, -1, 13, 38, 13, -1, 0, 0, 0, 0, 0, 1, -13, -38, -13, 1, 1, 3, 3, 3, 1],
        [0, 0, 1, 0, 0, 0, 2, 7, 2, 0, 0, -5, -14, -5, 0, 0, 2, 7, 2, 0, 0, 0, 1, 0, 0],
        [-1, 0, 0, 0, 1, 0, 9, 0, -9, 0, 0, 0, 0, 0, 0, 0, -9, 0, 9, 0, 1, 0, 0, 0, -1],
        [0, 0, 0, 0, 0, 0, 2, -5, 2, 0, 1, 7, -14, 7, 1, 0, 2, -5, 2, 0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0, 1, 0, -1, 0, 0, 2, 0, -2, 0, 0, 1, 0, -1, 0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0, 1, -3, 1, 0, 0, 0, 0, 0, 0, 0, -1, 3, -1, 0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0, 1, 0, -1, 0, 0, -3, 0, 3, 0, 0, 1, 0, -1, 0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0, 1, 2, 1, 0, 0, 0, 0, 0, 0, 0, -1, -2, -1, 0, 0, 0, 0, 0, 0],
    ]

    private static func row(_ r: Int, _ w: [Int]) -> [Int] {
        var k = [Int](repeating: 0, count: 25)
        for (i, v) in w.enumerated() { k[r * 5 + i] = v }
        return k
    }

    private static func column(_ c: Int, _ w: [Int]) -> [Int] {
        var k = [Int](repeating: 0, count: 25)
        for (i, v) in w.enumerated() { k[i * 5 + c] = v }
        return k
    }

    /// libjpeg's estimate: round(num / (Q·256)) in magnitude, capped at 2^Al − 1 when Al > 0.
    static func estimate(_ num: Int, quant q: Int, al: Int, cap: Bool) -> Int {
        var pred = ((q << 7) + abs(num)) / (q << 8)
        if cap, al > 0, pred >= 1 << al { pred = (1 << al) - 1 }
        return num >= 0 ? pred : -pred
    }
}

extension JPEGDecodingState {
    /// Per component, the 10 latched coefficient-bit states for complete rows and for rows the
    /// last scan did not reach; nil when libjpeg would not smooth.
    func smoothingLatches() -> (current: [Int], previous: [Int])? {
        guard let frame, frame.process == .progressive else { return nil }
        var useful = false
        var current: [Int] = [], previous: [Int] = []
        for ci in frame.components.indices {
            guard quantLatched[ci] else { return nil }
            for zz in 0..<10 where componentQuant[ci * 64 + JPEGZigzag.natural[zz]] == 0 { return nil }
            let bits = Array(coefficientBits[(ci * 64)..<(ci * 64 + 10)])
            guard bits[0] >= 0 else { return nil }
            if bits.dropFirst().contains(where: { $0 != 0 }) { useful = true }
            current += bits
            previous.append(bits[0])
            for zz in 1..<10 { previous.append(scanCount > 1 ? previousCoefficientBits[ci * 64 + zz] : -1) }
        }
        return useful ? (current, previous) : nil
    }

    /// Inverse-transforms every block with smoothed coefficient estimates, as libjpeg-turbo's
    /// `decompress_smooth_data`, including its choice of neighbour rows at the image bottom.
    mutating func transformSmoothed(_ frame: JPEGFrame, latches: (current: [Int], previous: [Int])) {
        let totalRows = frame.mcusPerColumn
        let lastGoodIMCURow = lastGoodIMCURow
        withBlockBuffers { buffers in
            let work = buffers.scratch.blocks
            var dc = [Int](repeating: 0, count: 25)
            for (ci, c) in frame.components.enumerated() {
                let v = c.verticalSampling
                let perLine = c.blocksPerLine
                let base = buffers.coefficients + buffers.coefficientOffsets[ci]
                let lastColumn = c.widthInBlocks - 1
                let lastRow = c.blocksPerColumn - 1
                // Quantisers as libjpeg reads them: unsigned 16-bit.
                func quantAt(_ pos: Int) -> Int { Int(UInt16(bitPattern: buffers.quant[ci * 64 + pos])) }
                let q00 = quantAt(0)
                for m in 0..<totalRows {
                    var blockRows = v
                    if m == totalRows - 1 {
                        blockRows = c.heightInBlocks % v
                        if blockRows == 0 { blockRows = v }
                    }
                    let latch = m > lastGoodIMCURow ? latches.previous : latches.current
                    let bits = Array(latch[(ci * 10)..<(ci * 10 + 10)])
                    let dcOnly = bits[1...].allSatisfy { $0 == -1 }
                    let kernels = dcOnly ? JPEGBlockSmoothing.dcOnlyKernels : JPEGBlockSmoothing.partialKernels
                    // Neighbour rows exactly as libjpeg-turbo 2.1 picks them: it decides from the
                    // row's place in its iMCU row, so near the top and bottom a row two away
                    // can be replaced by the adjacent one even where it exists.
                    let lastIMCURow = totalRows - 1
                    for br in 0..<blockRows {
                        let r = m * v + br
                        let prev = br > 0 || m > 0 ? r - 1 : r
                        let prevPrev = br > 1 || m > 1 ? r - 2 : prev
                        let next = br < blockRows - 1 || m < lastIMCURow ? min(r + 1, lastRow) : r
                        let nextNext = br < blockRows - 2 || m + 1 < lastIMCURow ? min(r + 2, lastRow) : next
                        let rows = [prevPrev, prev, r, next, nextNext]
                        for bx in 0...lastColumn {
                            for i in 0..<5 {
                                let rowBase = base + rows[i] * perLine * 64
                                for j in 0..<5 {
                                    let col = min(max(bx + j - 2, 0), lastColumn)
                                    dc[i * 5 + j] = Int(rowBase[col * 64])
                                }
                            }
                            let block = base + (r * perLine + bx) * 64
                            work.update(from: block, count: 64)
                            for zz in 1..<10 {
                                let kernel = kernels[zz]
                                let pos = JPEGZigzag.natural[zz]
                                guard !kernel.isEmpty, bits[zz] != 0, work[pos] == 0 else { continue }
                                var sum = 0
                                for t in 0..<25 { sum += kernel[t] * dc[t] }
                                let pred = JPEGBlockSmoothing.estimate(q00 * sum, quant: quantAt(pos), al: bits[zz], cap: true)
                                work[pos] = Int16(truncatingIfNeeded: pred)
                            }
                            if dcOnly {
                                var sum = 0
                                for t in 0..<25 { sum += JPEGBlockSmoothing.dcOnlyKernels[0][t] * dc[t] }
                                work[0] = Int16(truncatingIfNeeded: JPEGBlockSmoothing.estimate(q00 * sum, quant: q00, al: 0, cap: false))
                            }
                            buffers.transform(work, component: ci, row: r, column: bx)
                        }
                    }
                }
            }
        }
    }
}
