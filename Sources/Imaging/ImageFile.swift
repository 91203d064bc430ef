import Foundation

/// Reads and writes image files in any supported format, chosen by content (read) or extension (write).
///
/// PNG is strict (any corruption is an error); JPEG is lenient like libjpeg, so
/// recoverable damage decodes and comes back as warnings for the caller to show.
public enum ImageFile {
    /// The formats `read` recognises from the first bytes.
    public enum Format: String, Sendable, CaseIterable {
        case png, jpeg, pnm, bmp
    }

    /// Recognises the format from the file's first bytes.
    public static func format(of bytes: [UInt8]) -> Format? {
        if PNGDecoder.hasSignature(bytes) { return .png }
        if bytes.count >= 3, bytes[0] == 0xFF, bytes[1] == 0xD8, bytes[2] == 0xFF { return .jpeg }
        if PNMDecoder.canDecode(bytes.prefix(2)) { return .pnm }
        if BMPDecoder.canDecode(bytes.prefix(2)) { return .bmp }
        return nil
    }

    /// Decodes bytes of any supported format; `file` names them in errors.
    public static func decode(_ bytes: [UInt8], file: String, options: DecodingOptions = DecodingOptions()) throws(ImagingError) -> DecodedImage {
        switch format(of: bytes) {
        case .png: return DecodedImage(image: try PNG.decode(bytes, file: file, options: options))
        case .jpeg: return try JPEGDecoder.decode(bytes, file: file, options: options)
        case .pnm: return DecodedImage(image: try PNMDecoder.decode(bytes, file: file, options: options))
        case .bmp: return DecodedImage(image: try BMPDecoder.decode(bytes, file: file, options: options))
        case nil: throw .unknownFormat(file: file)
        }
    }

    /// The raw bytes of the file at `path`, for callers that hash or cache before decoding.
    /// - Throws: ``ImagingError/unreadable(file:reason:)`` if it is missing, a directory or unreadable.
    public static func bytes(path: String) throws(ImagingError) -> [UInt8] { try ImageFileIO.read(path: path) }

    /// Reads and decodes the file at `path`.
    public static func read(path: String, options: DecodingOptions = DecodingOptions()) throws(ImagingError) -> DecodedImage {
        try decode(ImageFileIO.read(path: path), file: path, options: options)
    }

    /// Writes `image` as PNG or PNM, chosen by the extension of `path` (`.png`, `.pnm`, `.ppm`, `.pgm`).
    public static func write(_ image: Image, to path: String) throws(ImagingError) {
        let ext = (path as NSString).pathExtension.lowercased()
        let bytes: [UInt8]
        switch ext {
        case "png": bytes = try PNG.encode(image)
        case "pnm", "ppm", "pgm": bytes = try PNMEncoder.encode(image, file: path)
        default: throw .cannotEncode(file: path, reason: "unknown output extension '.\(ext)'; use .png, .pnm, .ppm or .pgm")
        }
        try ImageFileIO.writeAtomically(bytes, to: path)
    }
}
