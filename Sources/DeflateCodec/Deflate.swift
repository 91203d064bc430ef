/// Compresses data as raw DEFLATE (RFC 1951).
///
/// LZ77 with zlib-style hash chains and lazy matching finds repeats; each
/// block of up to 16383 tokens is then written with a dynamic Huffman code,
/// the fixed code or as stored bytes, whichever is smallest. Any conforming
/// inflater (zlib, ``Inflate``) decodes the output.
///
/// ```swift
/// let packed = Deflate.compress(bytes, level: .default)
/// ```
public enum Deflate {
    /// Compresses `input` into one raw DEFLATE stream.
    ///
    /// - Complexity: O(n · chain length of `level`); level 0 is O(n).
    public static func compress(_ input: [UInt8], level: CompressionLevel = .default) -> [UInt8] {
        input.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else {
                // An empty final block with the fixed code: header 011, end-of-block 0000000.
                return [0x03, 0x00]
            }
            if level.value == 0 {
                var writer = BitWriter(reservingCapacity: buffer.count + buffer.count / 65535 * 5 + 8)
                BlockWriter.writeStored(buffer, isFinal: true, to: &writer)
                return writer.bytes
            }
            var encoder = DeflateEncoder(input: buffer, base: base, parameters: level.parameters)
            encoder.run()
            return encoder.writer.bytes
        }
    }
}
