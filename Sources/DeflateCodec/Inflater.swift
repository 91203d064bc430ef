/// Decodes one raw DEFLATE stream (RFC 1951): the block loop, stored blocks
/// and dynamic code descriptions. The symbol loop is in `Inflater+Symbols.swift`.
struct Inflater {
    var bits: BitReader
    var output: InflateOutput

    init(base: UnsafePointer<UInt8>, count: Int, sizeHint: Int, limit: Int) {
        bits = BitReader(base: base, count: count)
        output = InflateOutput(initialCapacity: sizeHint, limit: limit)
    }

    /// Decodes blocks until the final one.
    ///
    /// - Returns: The index of the first input byte after the stream (byte aligned).
    mutating func run() throws(DeflateError) -> Int {
        var isFinal = false
        repeat {
            isFinal = try bits.read(1) == 1
            let type = try bits.read(2)
            switch type {
            case 0:
                try copyStoredBlock()
            case 1:
                try decodeSymbols(literals: FixedHuffmanTables.literalLengths, distances: FixedHuffmanTables.distances)
            case 2:
                let (literals, distances) = try readDynamicTables()
                try decodeSymbols(literals: literals, distances: distances)
            default:
                throw .invalidBlockType(type)
            }
        } while !isFinal
        return try bits.alignToByte()
    }

    /// Copies a stored block (RFC 1951 §3.2.4).
    private mutating func copyStoredBlock() throws(DeflateError) {
        var position = try bits.alignToByte()
        guard position + 4 <= bits.count else { throw .truncated }
        let length = Int(bits.base[position]) | Int(bits.base[position + 1]) << 8
        let complement = Int(bits.base[position + 2]) | Int(bits.base[position + 3]) << 8
        guard length == complement ^ 0xFFFF else {
            throw .storedLengthMismatch(length: length, complement: complement)
        }
        position += 4
        guard position + length <= bits.count else { throw .truncated }
        guard output.reserve(length) else { throw .outputLimitExceeded(limit: output.limit) }
        (output.base + output.count).update(from: bits.base + position, count: length)
        output.count += length
        bits.position = position + length
    }

    /// Reads a dynamic block's code description (RFC 1951 §3.2.7).
    private mutating func readDynamicTables() throws(DeflateError) -> (HuffmanDecodeTable, HuffmanDecodeTable) {
        let literalCount = try bits.read(5) + 257
        let distanceCount = try bits.read(5) + 1
        let codeLengthCount = try bits.read(4) + 4
        guard literalCount <= 286 else {
            throw .invalidCodeLengths("\(literalCount) literal/length codes, at most 286 allowed")
        }
        guard distanceCount <= 30 else {
            throw .invalidCodeLengths("\(distanceCount) distance codes, at most 30 allowed")
        }
        var codeLengthLengths = [UInt8](repeating: 0, count: 19)
        for index in 0..<codeLengthCount {
            codeLengthLengths[DeflateTables.codeLengthOrder[index]] = UInt8(try bits.read(3))
        }
        let codeLengthTable = try HuffmanDecodeTable(
            lengths: codeLengthLengths[...], primaryBits: 7, name: "code-length",
            allowsSingleCode: false, leaf: HuffmanEntry.literal)

        let total = literalCount + distanceCount
        var lengths = [UInt8](repeating: 0, count: total)
        var index = 0
        try codeLengthTable.entries.withUnsafeBufferPointer { (table) throws(DeflateError) in
            while index < total {
                if bits.bitCount < 16 { try bits.refill() }
                // Code-length codes are at most 7 bits, so there are no subtables.
                let entry = table[Int(truncatingIfNeeded: bits.buffer & 0x7F)]
                guard entry & HuffmanEntry.Kind.mask == HuffmanEntry.Kind.literal else {
                    throw .invalidSymbol("code-length code not in the table")
                }
                bits.skip(HuffmanEntry.consumed(entry))
                let symbol = HuffmanEntry.value(entry)
                var repeated: UInt8 = 0
                var runLength: Int
                switch symbol {
                case 0...15:
                    lengths[index] = UInt8(symbol)
                    index += 1
                    continue
                case 16:
                    guard index > 0 else { throw .invalidCodeLengths("repeat code 16 with no previous length") }
                    repeated = lengths[index - 1]
                    runLength = 3 + bits.take(2)
                case 17:
                    runLength = 3 + bits.take(3)
                default:
                    runLength = 11 + bits.take(7)
                }
                guard index + runLength <= total else {
                    throw .invalidCodeLengths("code-length repeat runs past the \(total) lengths")
                }
                for offset in index..<(index + runLength) { lengths[offset] = repeated }
                index += runLength
            }
        }
        guard lengths[256] > 0 else { throw .invalidCodeLengths("the end-of-block code has no length") }
        let literals = try HuffmanDecodeTable(
            lengths: lengths[0..<literalCount], primaryBits: 10, name: "literal/length",
            allowsSingleCode: true, leaf: HuffmanEntry.literalLength)
        let distances = try HuffmanDecodeTable(
            lengths: lengths[literalCount...], primaryBits: 8, name: "distance",
            allowsSingleCode: true, leaf: HuffmanEntry.distance)
        return (literals, distances)
    }
}
