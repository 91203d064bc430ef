import Foundation

extension ImageFormatRegistry {
    /// Decodes bytes in any format of this registry, chosen by their first bytes.
    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - file: the name used in errors and warnings.
    ///   - options: limits and 16-bit handling, passed to the format's decoder.
    /// - Throws: ``ImagingError/unknownFormat(file:)`` when no format recognises the bytes
    ///   (including empty ones), else whatever the chosen format's decoder throws.
    public func decode(_ bytes: [UInt8], file: String, options: DecodingOptions = DecodingOptions()) throws(ImagingError) -> DecodedImage {
        guard let format = format(of: bytes) else { throw .unknownFormat(file: file) }
        return try format.decode(bytes, file: file, options: options)
    }

    /// Reads and decodes the file at `path`.
    /// - Throws: ``ImagingError/unreadable(file:reason:)`` if it is missing, a directory or
    ///   unreadable; otherwise as ``decode(_:file:options:)``.
    public func read(path: String, options: DecodingOptions = DecodingOptions()) throws(ImagingError) -> DecodedImage {
        try decode(ImageFileIO.read(path: path), file: path, options: options)
    }

    /// The bytes of `image` in the format that writes `path`'s extension (case-insensitive).
    /// - Throws: ``ImagingError/cannotEncode(file:reason:)`` naming `path`, for an extension no format
    ///   writes (the message lists ``writableExtensions``) or an image the format cannot hold.
    public func encode(_ image: Image, forPath path: String) throws(ImagingError) -> [UInt8] {
        let ext = (path as NSString).pathExtension
        guard let format = format(forExtension: ext) else {
            let problem = ext.isEmpty ? "no output extension" : "unknown output extension '.\(ext.lowercased())'"
            throw .cannotEncode(file: path, reason: "\(problem); use \(writableExtensionsPhrase)")
        }
        return try format.encode(image, file: path)
    }

    /// Encodes `image` by `path`'s extension and writes it atomically (a temporary file renamed
    /// over `path`), so readers never see half a file; on failure `path` is untouched.
    /// - Throws: as ``encode(_:forPath:)``, or ``ImagingError/cannotEncode(file:reason:)`` naming
    ///   the system error when the file cannot be written.
    public func write(_ image: Image, to path: String) throws(ImagingError) {
        try ImageFileIO.writeAtomically(encode(image, forPath: path), to: path)
    }
}
