/// A Huffman table expanded for fast decoding.
///
/// The table is one flat `Int32` array so a scan can reach every table it uses through a
/// single buffer pointer: a 9-bit lookahead, then libjpeg's canonical limits for longer codes.
struct JPEGHuffmanTable: Sendable, Hashable {
    /// Bits resolved by one lookup; codes up to this length never take the slow path.
    static let lookaheadBits = 9
    /// Offsets inside ``entries``.
    static let maxCodeOffset = 1 << lookaheadBits
    static let valueOffsetOffset = maxCodeOffset + 18
    static let valuesOffset = valueOffsetOffset + 18
    static let entryCount = valuesOffset + 256

    /// `[lookahead (length << 8 | symbol, 0 = longer code)] [maxCode 0...17] [valueOffset 0...17] [symbols, 256]`.
    let entries: [Int32]

    /// Builds the table from a DHT definition, rejecting code sets that overflow their lengths
    /// (and, for DC tables, symbols above 15) as libjpeg does.
    init(counts: [UInt8], symbols: [UInt8], isDC: Bool) throws(JPEGFormatError) {
        guard counts.count == 16 else { throw JPEGFormatError.corrupt("bad Huffman table") }
        var sizes: [Int] = []
        for length in 1...16 {
            let n = Int(counts[length - 1])
            guard sizes.count + n <= 256 else { throw JPEGFormatError.corrupt("bad Huffman table") }
            sizes += repeatElement(length, count: n)
        }
        guard symbols.count >= sizes.count else { throw JPEGFormatError.corrupt("bad Huffman table") }
        if isDC, symbols.prefix(sizes.count).contains(where: { $0 > 15 }) {
            throw JPEGFormatError.corrupt("bad Huffman table: DC symbol above 15")
        }
        // Canonical code assignment (T.81 Annex C).
        var codes = [Int](repeating: 0, count: sizes.count)
        var code = 0
        var size = sizes.first ?? 0
        var p = 0
        while p < sizes.count {
            while p < sizes.count, sizes[p] == size {
                codes[p] = code
                code += 1
                p += 1
            }
            guard code < (1 << size) else { throw JPEGFormatError.corrupt("bad Huffman table: code lengths overflow") }
            code <<= 1
            size += 1
        }
        var e = [Int32](repeating: 0, count: Self.entryCount)
        p = 0
        for length in 1...16 {
            let n = Int(counts[length - 1])
            if n > 0 {
                e[Self.valueOffsetOffset + length] = Int32(p - codes[p])
                p += n
                e[Self.maxCodeOffset + length] = Int32(codes[p - 1])
            } else {
                e[Self.maxCodeOffset + length] = -1
            }
        }
        e[Self.maxCodeOffset + 17] = 0xFFFFF
        for (i, s) in symbols.prefix(sizes.count).enumerated() {
            e[Self.valuesOffset + i] = Int32(s)
            let length = sizes[i]
            if length <= Self.lookaheadBits {
                let shift = Self.lookaheadBits - length
                let first = codes[i] << shift
                for look in first..<(first + (1 << shift)) {
                    e[look] = Int32(length << 8) | Int32(s)
                }
            }
        }
        entries = e
    }
}

extension JPEGHuffmanTable {
    /// The tables of ITU T.81 Annex K.3, which Motion-JPEG frames leave out.
    static func standard(isDC: Bool, index: Int) -> JPEGHuffmanTable? {
        switch (isDC, index) {
        case (true, 0): return try? JPEGHuffmanTable(counts: JPEGStandardTables.dcLuminanceCounts, symbols: Array(0...11), isDC: true)
        case (true, 1): return try? JPEGHuffmanTable(counts: JPEGStandardTables.dcChrominanceCounts, symbols: Array(0...11), isDC: true)
        case (false, 0): return try? JPEGHuffmanTable(counts: JPEGStandardTables.acLuminanceCounts, symbols: JPEGStandardTables.acLuminanceSymbols, isDC: false)
        case (false, 1): return try? JPEGHuffmanTable(counts: JPEGStandardTables.acChrominanceCounts, symbols: JPEGStandardTables.acChrominanceSymbols, isDC: false)
        default: return nil
        }
    }
}

/// A Huffman table as defined in a DHT segment.
struct JPEGHuffmanDefinition: Sendable, Hashable {
    var counts: [UInt8]
    var symbols: [UInt8]
}
