/// Maps match lengths and distances to DEFLATE symbols, and packs the LZ77
/// tokens the compressor collects for a block.
///
/// A token is a `UInt32`: a literal is its byte value; a match sets bit 31,
/// keeps length − 3 in bits 16–23 and distance − 1 in bits 0–14.
enum DeflateSymbols {
    static let matchFlag: UInt32 = 1 << 31

    @inline(__always) static func literalToken(_ byte: UInt8) -> UInt32 { UInt32(byte) }

    @inline(__always) static func matchToken(length: Int, distance: Int) -> UInt32 {
        matchFlag | UInt32(truncatingIfNeeded: length &- 3) &<< 16 | UInt32(truncatingIfNeeded: distance &- 1)
    }

    /// Length code index (symbol − 257) for each length − 3.
    static let lengthCode: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for code in 0..<28 {
            let base = Int(DeflateTables.lengthBase[code])
            for length in base..<(base + 1 << Int(DeflateTables.lengthExtraBits[code])) where length <= 258 {
                table[length - 3] = UInt8(code)
            }
        }
        // 258 has its own symbol, 285, although 284's range would reach it.
        table[255] = 28
        return table
    }()

    /// Distance code for distance − 1: entries 0–255 directly, then one per 128 distances.
    static let distanceCode: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 512)
        for code in 0..<30 {
            let base = Int(DeflateTables.distanceBase[code])
            for distance in base..<(base + 1 << Int(DeflateTables.distanceExtraBits[code])) {
                let index = distance - 1
                if index < 256 { table[index] = UInt8(code) } else { table[256 + index >> 7] = UInt8(code) }
            }
        }
        return table
    }()

    @inline(__always)
    static func distanceCodeIndex(ofDistanceMinusOne value: Int) -> Int {
        value < 256 ? value : 256 &+ (value &>> 7)
    }
}
