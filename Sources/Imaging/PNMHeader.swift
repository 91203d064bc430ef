/// The header of a Netpbm file: format, size and maximum sample value.
public struct PNMHeader: Sendable, Hashable {
    public var format: PNMFormat
    public var width: Int
    public var height: Int
    /// The largest sample value, 1…65535; 1 for bitmaps.
    public var maxValue: Int
    /// Offset of the first raster byte.
    public var rasterOffset: Int

    /// Parses the header; the pixel limit is checked here, before anything is allocated.
    /// - Throws: `.unknownFormat` without a P1–P6 magic number, `.unsupported` for PAM (P7) and
    ///   PFM, `.corrupt` naming the bad field, `.tooLarge` above `options.maxPixels`.
    public static func parse(_ bytes: [UInt8], file: String, options: DecodingOptions = DecodingOptions()) throws(ImagingError) -> PNMHeader {
        guard bytes.count >= 2 else { throw .unknownFormat(file: file) }
        guard let format = PNMFormat(magic: bytes[0], bytes[1]) else {
            if bytes[0] == UInt8(ascii: "P") && [UInt8(ascii: "7"), UInt8(ascii: "f"), UInt8(ascii: "F")].contains(bytes[1]) {
                throw .unsupported(file: file, reason: "PAM and PFM (magic P\(Character(UnicodeScalar(bytes[1])))) are not supported; use P1–P6")
            }
            throw .unknownFormat(file: file)
        }
        var scanner = PNMScanner(bytes: bytes, file: file, position: 2)
        // The magic number must be followed by whitespace or a comment.
        guard bytes.count > 2, PNMScanner.isWhitespace(bytes[2]) || bytes[2] == UInt8(ascii: "#") else {
            throw .corrupt(file: file, reason: "\(format.magic) must be followed by whitespace")
        }
        let width = try scanner.number("width", limit: Int(Int32.max))
        let height = try scanner.number("height", limit: Int(Int32.max))
        guard width > 0, height > 0 else { throw .corrupt(file: file, reason: "image size \(width)×\(height) is empty") }
        let maxValue = format.isBitmap ? 1 : try scanner.number("maxval", limit: 65535)
        guard maxValue > 0 else { throw .corrupt(file: file, reason: "maxval is 0; it must be 1…65535") }
        guard width * height <= options.maxPixels else {
            throw .tooLarge(file: file, width: width, height: height, limit: options.maxPixels)
        }
        // Exactly one whitespace byte separates the header from a binary raster.
        guard scanner.position < bytes.count else {
            throw .corrupt(file: file, reason: "file ends after the header: no pixel data")
        }
        guard PNMScanner.isWhitespace(bytes[scanner.position]) else {
            throw .corrupt(file: file, reason: "the last header field must be followed by one whitespace byte")
        }
        return PNMHeader(format: format, width: width, height: height, maxValue: maxValue, rasterOffset: scanner.position + 1)
    }

    /// Bytes per sample in a raw raster: 1 when maxval < 256, else 2 (big-endian).
    public var bytesPerSample: Int { maxValue < 256 ? 1 : 2 }
}
