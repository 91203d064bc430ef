/// Writes one block of tokens as whichever of dynamic Huffman, fixed Huffman
/// or stored is smallest (RFC 1951 §3.2.3–3.2.7).
enum BlockWriter {
    /// A dynamic block's code description, ready to write.
    private struct DynamicCodes {
        var literalLengths: [UInt8]
        var distanceLengths: [UInt8]
        var literalCount: Int
        var distanceCount: Int
        /// Run-length coded lengths: symbol 0–18 and its extra-bit value.
        var runs: [(symbol: Int, extra: Int)]
        var codeLengthLengths: [UInt8]
        var codeLengthCount: Int
        /// Bits of the description alone (after the 3-bit block header).
        var headerBits: Int
    }

    /// Appends `block` (covering `raw`) to `writer`.
    /// - Complexity: O(tokens + raw bytes).
    static func write(
        _ block: BlockTokens, raw: UnsafeBufferPointer<UInt8>, isFinal: Bool, to writer: inout BitWriter
    ) {
        var literalFrequencies = block.literalFrequencies
        literalFrequencies[256] = 1
        let dynamic = dynamicCodes(literalFrequencies: literalFrequencies, distanceFrequencies: block.distanceFrequencies)
        let dynamicBits = 3 + dynamic.headerBits + dataBits(
            literalFrequencies, block.distanceFrequencies, dynamic.literalLengths, dynamic.distanceLengths)
        let fixedBits = 3 + dataBits(
            literalFrequencies, block.distanceFrequencies,
            DeflateTables.fixedLiteralLengths, DeflateTables.fixedDistanceLengths)
        let storedBits = storedSize(byteCount: raw.count, bitPosition: writer.bitPosition)

        if storedBits < min(dynamicBits, fixedBits) {
            writeStored(raw, isFinal: isFinal, to: &writer)
        } else if fixedBits <= dynamicBits {
            writer.write(isFinal ? 0b011 : 0b010, count: 3)
            writeTokens(
                block.tokens, literalLengths: DeflateTables.fixedLiteralLengths,
                distanceLengths: DeflateTables.fixedDistanceLengths, to: &writer)
        } else {
            writer.write(isFinal ? 0b101 : 0b100, count: 3)
            writeDescription(dynamic, to: &writer)
            writeTokens(
                block.tokens, literalLengths: dynamic.literalLengths,
                distanceLengths: dynamic.distanceLengths, to: &writer)
        }
    }

    /// Writes `raw` as stored blocks of at most 65535 bytes each.
    static func writeStored(_ raw: UnsafeBufferPointer<UInt8>, isFinal: Bool, to writer: inout BitWriter) {
        var start = 0
        repeat {
            let length = min(raw.count - start, 65535)
            let last = start + length == raw.count
            writer.write(isFinal && last ? 1 : 0, count: 3)
            writer.alignToByte()
            writer.write(UInt32(length) | UInt32(~length & 0xFFFF) << 16, count: 32)
            writer.appendAligned(UnsafeBufferPointer(rebasing: raw[start..<(start + length)]))
            start += length
        } while start < raw.count
    }

    private static func storedSize(byteCount: Int, bitPosition: Int) -> Int {
        let chunks = max(1, (byteCount + 65534) / 65535)
        let firstHeader = ((bitPosition + 3 + 7) & ~7) - bitPosition
        return firstHeader + (chunks - 1) * 8 + chunks * 32 + byteCount * 8
    }

    /// Bits of the tokens themselves under the given code lengths, extra bits included.
    private static func dataBits(
        _ literalFrequencies: [Int], _ distanceFrequencies: [Int], _ literalLengths: [UInt8], _ distanceLengths: [UInt8]
    ) -> Int {
        var bits = 0
        for symbol in 0..<286 {
            let frequency = literalFrequencies[symbol]
            guard frequency > 0 else { continue }
            var cost = Int(literalLengths[symbol])
            if symbol > 256 { cost += Int(DeflateTables.lengthExtraBits[symbol - 257]) }
            bits += frequency * cost
        }
        for symbol in 0..<30 where distanceFrequencies[symbol] > 0 {
            bits += distanceFrequencies[symbol]
                * (Int(distanceLengths[symbol]) + Int(DeflateTables.distanceExtraBits[symbol]))
        }
        return bits
    }

    private static func dynamicCodes(literalFrequencies: [Int], distanceFrequencies: [Int]) -> DynamicCodes {
        let literalLengths = HuffmanCodeBuilder.lengths(frequencies: literalFrequencies, limit: 15)
        let distanceLengths = HuffmanCodeBuilder.lengths(frequencies: distanceFrequencies, limit: 15)
        let literalCount = max(257, (literalLengths.lastIndex { $0 != 0 } ?? 0) + 1)
        let distanceCount = max(1, (distanceLengths.lastIndex { $0 != 0 } ?? 0) + 1)
        let runs = runLengthCode(Array(literalLengths[0..<literalCount]) + distanceLengths[0..<distanceCount])

        var codeLengthFrequencies = [Int](repeating: 0, count: 19)
        for run in runs { codeLengthFrequencies[run.symbol] += 1 }
        let codeLengthLengths = HuffmanCodeBuilder.lengths(frequencies: codeLengthFrequencies, limit: 7)
        var codeLengthCount = 19
        while codeLengthCount > 4 && codeLengthLengths[DeflateTables.codeLengthOrder[codeLengthCount - 1]] == 0 {
            codeLengthCount -= 1
        }
        var headerBits = 5 + 5 + 4 + 3 * codeLengthCount
        for run in runs {
            headerBits += Int(codeLengthLengths[run.symbol]) + extraBits(ofCodeLengthSymbol: run.symbol)
        }
        return DynamicCodes(
            literalLengths: literalLengths, distanceLengths: distanceLengths,
            literalCount: literalCount, distanceCount: distanceCount, runs: runs,
            codeLengthLengths: codeLengthLengths, codeLengthCount: codeLengthCount, headerBits: headerBits)
    }

    private static func extraBits(ofCodeLengthSymbol symbol: Int) -> Int {
        switch symbol {
        case 16: return 2
        case 17: return 3
        case 18: return 7
        default: return 0
        }
    }

    /// Run-length codes a length sequence with symbols 16 (repeat), 17 and 18 (zeros).
    private static func runLengthCode(_ lengths: [UInt8]) -> [(symbol: Int, extra: Int)] {
        var runs: [(symbol: Int, extra: Int)] = []
        var index = 0
        while index < lengths.count {
            let length = lengths[index]
            var run = 1
            while index + run < lengths.count && lengths[index + run] == length { run += 1 }
            index += run
            if length == 0 {
                while run >= 11 {
                    let take = min(run, 138)
                    runs.append((18, take - 11))
                    run -= take
                }
                if run >= 3 {
                    runs.append((17, run - 3))
                    run = 0
                }
            } else {
                runs.append((Int(length), 0))
                run -= 1
                while run >= 3 {
                    let take = min(run, 6)
                    runs.append((16, take - 3))
                    run -= take
                }
            }
            for _ in 0..<run { runs.append((Int(length), 0)) }
        }
        return runs
    }

    private static func writeDescription(_ codes: DynamicCodes, to writer: inout BitWriter) {
        writer.write(UInt32(codes.literalCount - 257), count: 5)
        writer.write(UInt32(codes.distanceCount - 1), count: 5)
        writer.write(UInt32(codes.codeLengthCount - 4), count: 4)
        for index in 0..<codes.codeLengthCount {
            writer.write(UInt32(codes.codeLengthLengths[DeflateTables.codeLengthOrder[index]]), count: 3)
        }
        let codeLengthCodes = HuffmanCodeBuilder.reversedCodes(lengths: codes.codeLengthLengths)
        for run in codes.runs {
            writer.write(codeLengthCodes[run.symbol], count: Int(codes.codeLengthLengths[run.symbol]))
            let extra = extraBits(ofCodeLengthSymbol: run.symbol)
            if extra > 0 { writer.write(UInt32(run.extra), count: extra) }
        }
    }

    private static func writeTokens(
        _ tokens: [UInt32], literalLengths: [UInt8], distanceLengths: [UInt8], to writer: inout BitWriter
    ) {
        let literalCodes = HuffmanCodeBuilder.reversedCodes(lengths: literalLengths)
        let distanceCodes = HuffmanCodeBuilder.reversedCodes(lengths: distanceLengths)
        literalCodes.withUnsafeBufferPointer { literalCode in
        literalLengths.withUnsafeBufferPointer { literalLength in
        distanceCodes.withUnsafeBufferPointer { distanceCode in
        distanceLengths.withUnsafeBufferPointer { distanceLength in
        DeflateSymbols.lengthCode.withUnsafeBufferPointer { lengthCode in
        DeflateSymbols.distanceCode.withUnsafeBufferPointer { distanceCodeOf in
            for token in tokens {
                if token & DeflateSymbols.matchFlag == 0 {
                    let symbol = Int(token)
                    writer.write(literalCode[symbol], count: Int(literalLength[symbol]))
                    continue
                }
                let lengthMinus3 = Int((token &>> 16) & 0xFF)
                let code = Int(lengthCode[lengthMinus3])
                let symbol = 257 &+ code
                let lengthExtra = Int(DeflateTables.lengthExtraBits[code])
                let lengthValue = UInt32(lengthMinus3 &+ 3 &- Int(DeflateTables.lengthBase[code]))
                writer.write(
                    literalCode[symbol] | lengthValue &<< UInt32(literalLength[symbol]),
                    count: Int(literalLength[symbol]) &+ lengthExtra)

                let distanceMinus1 = Int(token & 0x7FFF)
                let distanceSymbol = Int(distanceCodeOf[DeflateSymbols.distanceCodeIndex(ofDistanceMinusOne: distanceMinus1)])
                let distanceExtra = Int(DeflateTables.distanceExtraBits[distanceSymbol])
                let distanceValue = UInt32(distanceMinus1 &+ 1 &- Int(DeflateTables.distanceBase[distanceSymbol]))
                writer.write(
                    distanceCode[distanceSymbol] | distanceValue &<< UInt32(distanceLength[distanceSymbol]),
                    count: Int(distanceLength[distanceSymbol]) &+ distanceExtra)
            }
            writer.write(literalCode[256], count: Int(literalLength[256]))
        }
        }
        }
        }
        }
        }
    }
}
