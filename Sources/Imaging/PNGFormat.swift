/// PNG as an ``ImageFormat``: strict decoding (every CRC and the Adler-32 checked), written with
/// ``PNGEncoder``'s defaults; keeps 16-bit samples and alpha.
public struct PNGFormat: ImageFormat {
    public init() {}

    public var name: String { "png" }

    /// The 8-byte PNG signature.
    public var signatureLength: Int { 8 }

    public func recognises(_ prefix: [UInt8]) -> Bool { PNGDecoder.hasSignature(prefix) }

    /// - Throws: see ``PNGDecoder/decode(_:file:options:)``; PNG never warns.
    public func decode(_ bytes: [UInt8], file: String, options: DecodingOptions) throws(ImagingError) -> DecodedImage {
        DecodedImage(image: try PNGDecoder().decode(bytes, file: file, options: options))
    }

    public var writableExtensions: [String] { ["png"] }

    /// - Throws: `.cannotEncode` for an empty image or one whose samples do not fill it.
    public func encode(_ image: Image, file: String) throws(ImagingError) -> [UInt8] {
        try PNGEncoder().encode(image, file: file)
    }
}
