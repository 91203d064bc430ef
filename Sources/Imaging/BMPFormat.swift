/// Uncompressed Windows bitmaps as a decode-only ``ImageFormat``.
public struct BMPFormat: ImageFormat {
    public init() {}

    public var name: String { "bmp" }

    /// The "BM" signature.
    public var signatureLength: Int { 2 }

    public func recognises(_ prefix: [UInt8]) -> Bool { BMPDecoder.canDecode(prefix) }

    /// - Throws: see ``BMPDecoder/decode(_:file:options:)``; BMP never warns.
    public func decode(_ bytes: [UInt8], file: String, options: DecodingOptions) throws(ImagingError) -> DecodedImage {
        DecodedImage(image: try BMPDecoder.decode(bytes, file: file, options: options))
    }
}
