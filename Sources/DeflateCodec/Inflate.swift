/// Decompresses raw DEFLATE data (RFC 1951): stored, fixed-Huffman and
/// dynamic-Huffman blocks.
///
/// ```swift
/// let bytes = try Inflate.decompress(compressed, maxOutputSize: 1 << 20)
/// ```
///
/// Malformed input always ends in a ``DeflateError``, never a trap, and the
/// output can never exceed `maxOutputSize`, which defuses zip bombs.
public enum Inflate {
    /// The default output limit: 1 GiB.
    public static let defaultMaxOutputSize = 1 << 30

    /// Decompresses one raw DEFLATE stream; bytes after its final block are ignored.
    ///
    /// - Parameters:
    ///   - input: The compressed bytes.
    ///   - maxOutputSize: Fail with ``DeflateError/outputLimitExceeded(limit:)`` rather than produce more.
    ///   - sizeHint: The expected output size, if known; avoids regrowing the buffer.
    /// - Complexity: O(input + output).
    public static func decompress(
        _ input: [UInt8], maxOutputSize: Int = defaultMaxOutputSize, sizeHint: Int = 0
    ) throws(DeflateError) -> [UInt8] {
        try decompressStream(input, maxOutputSize: maxOutputSize, sizeHint: sizeHint).bytes
    }

    /// Decompresses a stream and reports where it ended, for container formats.
    static func decompressStream(
        _ input: [UInt8], maxOutputSize: Int, sizeHint: Int
    ) throws(DeflateError) -> (bytes: [UInt8], end: Int) {
        try input.withUnsafeBufferPointer { (buffer) throws(DeflateError) in
            try decompressStream(buffer, maxOutputSize: maxOutputSize, sizeHint: sizeHint)
        }
    }

    /// Decompresses the stream at the start of `buffer`; `end` is relative to `buffer`.
    static func decompressStream(
        _ buffer: UnsafeBufferPointer<UInt8>, maxOutputSize: Int, sizeHint: Int
    ) throws(DeflateError) -> (bytes: [UInt8], end: Int) {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { throw .truncated }
        let limit = max(maxOutputSize, 0)
        // DEFLATE expands at most 1032:1 (a 258-byte match in 2 bits), so no hint,
        // however large, can make the first allocation exceed what the input could produce.
        let (bound, overflow) = buffer.count.multipliedReportingOverflow(by: 1032)
        let wanted = sizeHint > 0 ? sizeHint : buffer.count * 4
        let hint = min(wanted, limit, overflow ? Int.max : bound)
        var inflater = Inflater(base: base, count: buffer.count, sizeHint: hint, limit: limit)
        defer { inflater.output.deallocate() }
        let end = try inflater.run()
        return (inflater.output.bytes(), end)
    }
}
