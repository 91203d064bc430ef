/// Netpbm (P1–P6) as an ``ImageFormat``; written as raw P5 (grey) or P6 (RGB), 8 or 16 bits.
///
/// The name avoids ``PNMFormat``, which is the six Netpbm variants. The written variant follows
/// the image's channels, not the extension: `.pgm` and `.ppm` are both accepted for either, so
/// callers that want `.pgm` to mean grey only must check that themselves (as `convert` does).
public struct PNMImageFormat: ImageFormat {
    public init() {}

    public var name: String { "pnm" }

    /// "P1" … "P6"; the byte after the magic number is left to the decoder to judge.
    public var signatureLength: Int { 2 }

    public func recognises(_ prefix: [UInt8]) -> Bool { PNMDecoder.canDecode(prefix.prefix(2)) }

    /// - Throws: see ``PNMDecoder/decode(_:file:options:)``; PNM never warns.
    public func decode(_ bytes: [UInt8], file: String, options: DecodingOptions) throws(ImagingError) -> DecodedImage {
        DecodedImage(image: try PNMDecoder.decode(bytes, file: file, options: options))
    }

    public var writableExtensions: [String] { ["pnm", "ppm", "pgm"] }

    /// - Throws: `.cannotEncode` for images with alpha, which PNM cannot hold.
    public func encode(_ image: Image, file: String) throws(ImagingError) -> [UInt8] {
        try PNMEncoder.encode(image, file: file)
    }
}
