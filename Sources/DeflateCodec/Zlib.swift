/// The zlib container of RFC 1950: a two-byte header, a DEFLATE stream and an
/// Adler-32 trailer of the uncompressed data.
///
/// ```swift
/// let packed = Zlib.compress(bytes, level: .best)
/// let unpacked = try Zlib.decompress(packed, maxOutputSize: bytes.count)
/// ```
public enum Zlib {
    /// Decompresses a zlib stream; bytes after the Adler-32 trailer are ignored.
    ///
    /// - Parameters:
    ///   - input: The zlib stream.
    ///   - maxOutputSize: Fail with ``DeflateError/outputLimitExceeded(limit:)`` rather than produce more.
    ///   - sizeHint: The expected output size, if known.
    ///   - verifyChecksum: Check the Adler-32 trailer. Waive it only to salvage data
    ///     whose checksum alone is known to be damaged; the trailer must still be present.
    /// - Throws: ``DeflateError``, including ``DeflateError/checksumMismatch(expected:actual:)``.
    /// - Complexity: O(input + output).
    public static func decompress(
        _ input: [UInt8], maxOutputSize: Int = Inflate.defaultMaxOutputSize, sizeHint: Int = 0,
        verifyChecksum: Bool = true
    ) throws(DeflateError) -> [UInt8] {
        try input.withUnsafeBufferPointer { (buffer) throws(DeflateError) in
            guard buffer.count >= 2 else { throw .truncated }
            let method = buffer[0]
            let flags = buffer[1]
            guard method & 0x0F == 8 else {
                throw .invalidZlibHeader("compression method \(method & 0x0F), expected 8 (deflate)")
            }
            guard method >> 4 <= 7 else { throw .invalidZlibHeader("window size exponent \(method >> 4) above 7") }
            guard (UInt16(method) << 8 | UInt16(flags)) % 31 == 0 else {
                throw .invalidZlibHeader("header check bits are wrong")
            }
            guard flags & 0x20 == 0 else { throw .presetDictionaryUnsupported }
            let body = UnsafeBufferPointer(rebasing: buffer[2...])
            let (bytes, end) = try Inflate.decompressStream(body, maxOutputSize: maxOutputSize, sizeHint: sizeHint)
            let trailer = 2 + end
            guard trailer + 4 <= buffer.count else { throw .truncated }
            if verifyChecksum {
                let stored = UInt32(buffer[trailer]) << 24 | UInt32(buffer[trailer + 1]) << 16
                    | UInt32(buffer[trailer + 2]) << 8 | UInt32(buffer[trailer + 3])
                let actual = Adler32.checksum(bytes)
                guard stored == actual else { throw .checksumMismatch(expected: stored, actual: actual) }
            }
            return bytes
        }
    }

    /// Compresses `input` into a zlib stream.
    /// - Complexity: O(n · chain length of `level`).
    public static func compress(_ input: [UInt8], level: CompressionLevel = .default) -> [UInt8] {
        // CINFO 7 (32 KiB window); FLEVEL reports the speed/size trade-off.
        let method: UInt8 = 0x78
        let speed: UInt8 = switch level.value {
        case 0...1: 0
        case 2...5: 1
        case 6: 2
        default: 3
        }
        var flags = speed << 6
        flags += UInt8((31 - (UInt16(method) << 8 | UInt16(flags)) % 31) % 31)
        var output: [UInt8] = [method, flags]
        output += Deflate.compress(input, level: level)
        let adler = Adler32.checksum(input)
        output += [UInt8(adler >> 24), UInt8((adler >> 16) & 0xFF), UInt8((adler >> 8) & 0xFF), UInt8(adler & 0xFF)]
        return output
    }
}
