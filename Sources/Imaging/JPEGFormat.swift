/// JPEG as a decode-only ``ImageFormat``: lenient like libjpeg, so recoverable damage decodes
/// and comes back in ``DecodedImage/warnings``.
public struct JPEGFormat: ImageFormat {
    public init() {}

    public var name: String { "jpeg" }

    /// SOI (FF D8) followed by the first byte of the next marker (FF).
    public var signatureLength: Int { 3 }

    public func recognises(_ prefix: [UInt8]) -> Bool {
        prefix.count >= 3 && prefix[0] == 0xFF && prefix[1] == 0xD8 && prefix[2] == 0xFF
    }

    /// - Throws: see ``JPEGDecoder/decode(_:file:options:)``.
    public func decode(_ bytes: [UInt8], file: String, options: DecodingOptions) throws(ImagingError) -> DecodedImage {
        try JPEGDecoder.decode(bytes, file: file, options: options)
    }
}
