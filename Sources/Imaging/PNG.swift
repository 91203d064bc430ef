/// One-call PNG reading and writing.
///
/// ```swift
/// let image = try PNG.read(path: "in.png")
/// try PNG.write(image, to: "out.png")
/// ```
public enum PNG {
    /// Reads and decodes the PNG file at `path`, verifying every checksum.
    /// - Throws: ``ImagingError``; see ``PNGDecoder/decode(_:file:options:)``.
    public static func read(path: String, options: DecodingOptions = DecodingOptions()) throws(ImagingError) -> Image {
        try PNGDecoder().read(path: path, options: options)
    }

    /// Decodes PNG bytes held in memory.
    /// - Throws: ``ImagingError``; see ``PNGDecoder/decode(_:file:options:)``.
    public static func decode(
        _ bytes: [UInt8], file: String = "<memory>", options: DecodingOptions = DecodingOptions()
    ) throws(ImagingError) -> Image {
        try PNGDecoder().decode(bytes, file: file, options: options)
    }

    /// Encodes `image` as PNG bytes.
    /// - Throws: ``ImagingError/cannotEncode(file:reason:)``.
    public static func encode(_ image: Image, compressionLevel: Int = 6) throws(ImagingError) -> [UInt8] {
        try PNGEncoder(compressionLevel: compressionLevel).encode(image)
    }

    /// Encodes `image` and writes it to `path` atomically.
    /// - Throws: ``ImagingError/cannotEncode(file:reason:)``.
    public static func write(_ image: Image, to path: String, compressionLevel: Int = 6) throws(ImagingError) {
        try PNGEncoder(compressionLevel: compressionLevel).write(image, to: path)
    }
}
