/// A table-driven decoder for one canonical Huffman code (RFC 1951 §3.2.2).
///
/// The next `primaryBits` input bits index the primary table directly; codes
/// longer than that go through a second-level subtable, so every symbol costs
/// at most two lookups and no bit-by-bit tree walk. Each entry is a packed
/// ``HuffmanEntry``.
struct HuffmanDecodeTable: Sendable {
    /// Primary entries first, then every subtable.
    private(set) var entries: [UInt32]
    /// How many input bits index the primary table.
    let primaryBits: Int

    /// Builds the table for the code with these per-symbol lengths (0 = unused).
    ///
    /// - Parameters:
    ///   - lengths: The code length of each symbol, 0…15.
    ///   - primaryBits: The primary table's index width.
    ///   - name: Which table this is, for error messages.
    ///   - allowsSingleCode: Accept an incomplete code made of one 1-bit code, as
    ///     zlib does for literal/length and distance codes (RFC 1951 §3.2.7).
    ///   - leaf: The decoded meaning of a symbol, as an entry without its bit count.
    /// - Throws: ``DeflateError/invalidCodeLengths(_:)`` for over-subscribed or incomplete codes.
    /// - Complexity: O(2^primaryBits + number of symbols).
    init(
        lengths: ArraySlice<UInt8>, primaryBits: Int, name: String, allowsSingleCode: Bool,
        leaf: (Int) -> UInt32
    ) throws(DeflateError) {
        self.primaryBits = primaryBits
        var counts = [Int](repeating: 0, count: 16)
        for length in lengths { counts[Int(length)] += 1 }
        counts[0] = 0
        var unused = 1
        var longest = 0
        for length in 1...15 {
            unused = unused << 1 - counts[length]
            if unused < 0 { throw .invalidCodeLengths("\(name) code is over-subscribed") }
            if counts[length] > 0 { longest = length }
        }
        if unused > 0 && longest > 0 && !(allowsSingleCode && longest == 1) {
            throw .invalidCodeLengths("\(name) code is incomplete")
        }

        var nextCode = [Int](repeating: 0, count: 16)
        var code = 0
        for length in 1...15 {
            code = (code + counts[length - 1]) << 1
            nextCode[length] = code
        }

        let primarySize = 1 << primaryBits
        var table = [UInt32](repeating: HuffmanEntry.invalid, count: primarySize)
        // Codes longer than the primary width share a subtable per primary prefix;
        // its width is set by the longest code with that prefix.
        var longestPerPrefix = [UInt8](repeating: 0, count: primarySize)
        var reversedCodes = [Int](repeating: 0, count: lengths.count)
        for (symbol, length) in zip(0..., lengths) where length > 0 {
            let reversed = Self.reverse(nextCode[Int(length)], bits: Int(length))
            nextCode[Int(length)] += 1
            reversedCodes[symbol] = reversed
            if Int(length) > primaryBits {
                let prefix = reversed & (primarySize - 1)
                longestPerPrefix[prefix] = max(longestPerPrefix[prefix], length)
            }
        }
        for prefix in 0..<primarySize where longestPerPrefix[prefix] > 0 {
            let subBits = Int(longestPerPrefix[prefix]) - primaryBits
            table[prefix] = HuffmanEntry.subtable(start: table.count, bits: subBits, consumed: primaryBits)
            table.append(contentsOf: repeatElement(HuffmanEntry.invalid, count: 1 << subBits))
        }
        for (symbol, length) in zip(0..., lengths) where length > 0 {
            let length = Int(length)
            let reversed = reversedCodes[symbol]
            if length <= primaryBits {
                let entry = leaf(symbol) | UInt32(length)
                var index = reversed
                while index < primarySize {
                    table[index] = entry
                    index += 1 << length
                }
            } else {
                let pointer = table[reversed & (primarySize - 1)]
                let start = HuffmanEntry.value(pointer)
                let subSize = 1 << HuffmanEntry.extraBits(pointer)
                let entry = leaf(symbol) | UInt32(length - primaryBits)
                var index = reversed >> primaryBits
                while index < subSize {
                    table[start + index] = entry
                    index += 1 << (length - primaryBits)
                }
            }
        }
        entries = table
    }

    private static func reverse(_ code: Int, bits: Int) -> Int {
        var code = code
        var result = 0
        for _ in 0..<bits {
            result = (result << 1) | (code & 1)
            code >>= 1
        }
        return result
    }
}

extension HuffmanDecodeTable {
    /// A table that rejects every code; only a fallback that is never reached.
    static let empty = HuffmanDecodeTable(entries: [HuffmanEntry.invalid, HuffmanEntry.invalid], primaryBits: 1)

    private init(entries: [UInt32], primaryBits: Int) {
        self.entries = entries
        self.primaryBits = primaryBits
    }
}
