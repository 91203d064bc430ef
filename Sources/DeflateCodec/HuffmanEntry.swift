/// The packed 32-bit entry of a ``HuffmanDecodeTable``.
///
/// Bits 0–3: input bits the entry consumes. Bits 4–6: the ``Kind``.
/// Bits 8–12: extra bits that follow the code (or a subtable's index width).
/// Bits 16–31: the literal byte, base length, base distance or subtable start.
enum HuffmanEntry {
    /// What a decoded code means.
    enum Kind {
        static let literal: UInt32 = 0 << 4
        static let base: UInt32 = 1 << 4
        static let endOfBlock: UInt32 = 2 << 4
        static let subtable: UInt32 = 3 << 4
        static let invalid: UInt32 = 4 << 4
        static let mask: UInt32 = 7 << 4
    }

    static let invalid: UInt32 = Kind.invalid

    static func literal(_ value: Int) -> UInt32 { UInt32(value) << 16 | Kind.literal }
    static let endOfBlock: UInt32 = Kind.endOfBlock
    static func base(_ value: Int, extraBits: Int) -> UInt32 {
        UInt32(value) << 16 | UInt32(extraBits) << 8 | Kind.base
    }
    static func subtable(start: Int, bits: Int, consumed: Int) -> UInt32 {
        UInt32(start) << 16 | UInt32(bits) << 8 | Kind.subtable | UInt32(consumed)
    }

    @inline(__always) static func value(_ entry: UInt32) -> Int { Int(entry &>> 16) }
    @inline(__always) static func extraBits(_ entry: UInt32) -> Int { Int((entry &>> 8) & 0x1F) }
    @inline(__always) static func consumed(_ entry: UInt32) -> Int { Int(entry & 0xF) }

    /// Decodes the literal/length symbol `symbol`.
    static func literalLength(_ symbol: Int) -> UInt32 {
        switch symbol {
        case 0..<256: return literal(symbol)
        case 256: return endOfBlock
        case 257...285:
            let index = symbol - 257
            return base(Int(DeflateTables.lengthBase[index]), extraBits: Int(DeflateTables.lengthExtraBits[index]))
        default: return invalid
        }
    }

    /// Decodes the distance symbol `symbol`.
    static func distance(_ symbol: Int) -> UInt32 {
        guard symbol < 30 else { return invalid }
        return base(Int(DeflateTables.distanceBase[symbol]), extraBits: Int(DeflateTables.distanceExtraBits[symbol]))
    }
}
