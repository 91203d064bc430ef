/// Tells binary data apart from text before a CSV, TSV or plain-text reader splits it into lines.
///
/// Binary files (a `.npy` array, a PNG, raw floats, a zip) given a text extension
/// would otherwise be split at whatever bytes happen to be line breaks and commas,
/// and their bytes quoted back as "columns". Text in ThresholdKit is UTF-8, possibly
/// with a stray NUL (reported at its line), or Latin-1 without NULs (its fields
/// decode with replacement characters); binary data has NULs and bytes that are
/// not UTF-8, or NULs in a quarter of its bytes (UTF-16 text, small integers).
enum TextContent {
    /// How many leading bytes are examined.
    static let sampleLength = 4096

    /// Why `bytes` do not look like text, or nil when they do.
    ///
    /// - Complexity: O(min(n, ``sampleLength``)).
    static func binaryReason(_ bytes: [UInt8]) -> String? {
        let sample = bytes.prefix(sampleLength)
        let nulCount = sample.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
        guard nulCount > 0 else { return nil }
        if nulCount * 4 >= sample.count, sample.count >= 8 {
            return "\(nulCount) of its first \(sample.count) bytes are NUL"
        }
        // A multi-byte character cut off by the end of the sample is not an error.
        if let offset = firstInvalidUTF8(sample, truncated: bytes.count > sample.count) {
            let byte = String(sample[sample.startIndex + offset], radix: 16, uppercase: true)
            return "it has NUL bytes, and byte 0x\(byte.count == 1 ? "0" + byte : byte) at offset \(offset) is not UTF-8"
        }
        return nil
    }

    /// The offset of the first byte that does not start or continue a valid UTF-8 sequence, or nil.
    ///
    /// Rejects overlong forms, surrogates and code points above U+10FFFF, as RFC 3629 does.
    /// - Parameter truncated: whether `bytes` is a prefix of longer data, so a sequence
    ///   cut off by its end is incomplete rather than invalid.
    /// - Complexity: O(n).
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>, truncated: Bool) -> Int? {
        let b = Array(bytes)
        var i = 0
        while i < b.count {
            let lead = b[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            // The length of the sequence and the allowed range of its second byte.
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            for k in 1..<length {
                guard i + k < b.count else { return truncated ? nil : i }
                let c = b[i + k]
                let (lo, hi) = k == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                guard c >= lo, c <= hi else { return i }
            }
            i += length
        }
        return nil
    }
}
