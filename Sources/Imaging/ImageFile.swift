/// Reads and writes image files in any built-in format, chosen by content (read) or extension (write).
///
/// Everything goes through ``ImageFormatRegistry/standard``; use a registry of your own
/// (`ImageFormatRegistry.standard.adding(…)`) to read or write further formats.
/// PNG is strict (any corruption is an error); JPEG is lenient like libjpeg, so
/// recoverable damage decodes and comes back as warnings for the caller to show.
public enum ImageFile {
    /// The built-in format whose signature starts `bytes`, or nil.
    public static func format(of bytes: [UInt8]) -> (any ImageFormat)? {
        ImageFormatRegistry.standard.format(of: bytes)
    }

    /// Decodes bytes of any built-in format; `file` names them in errors.
    /// - Throws: ``ImagingError/unknownFormat(file:)`` for unrecognised bytes, else the decoder's error.
    public static func decode(_ bytes: [UInt8], file: String, options: DecodingOptions = DecodingOptions()) throws(ImagingError) -> DecodedImage {
        try ImageFormatRegistry.standard.decode(bytes, file: file, options: options)
    }

    /// The raw bytes of the file at `path`, for callers that hash or cache before decoding.
    /// - Throws: ``ImagingError/unreadable(file:reason:)`` if it is missing, a directory or unreadable.
    public static func bytes(path: String) throws(ImagingError) -> [UInt8] { try ImageFileIO.read(path: path) }

    /// Reads and decodes the file at `path`.
    /// - Throws: ``ImagingError/unreadable(file:reason:)``, else as ``decode(_:file:options:)``.
    public static func read(path: String, options: DecodingOptions = DecodingOptions()) throws(ImagingError) -> DecodedImage {
        try ImageFormatRegistry.standard.read(path: path, options: options)
    }

    /// Writes `image` as PNG or PNM, chosen by the extension of `path` (`.png`, `.pnm`, `.ppm`, `.pgm`).
    /// - Throws: ``ImagingError/cannotEncode(file:reason:)`` for another extension (listing the
    ///   writable ones), an image the format cannot hold, or a file that cannot be written.
    public static func write(_ image: Image, to path: String) throws(ImagingError) {
        try ImageFormatRegistry.standard.write(image, to: path)
    }
}
