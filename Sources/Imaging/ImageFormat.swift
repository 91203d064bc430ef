/// One image file format: how to recognise its bytes, decode them and, optionally, write it.
///
/// A new format is a conforming type in its own file plus one `adding(_:)` line on an
/// ``ImageFormatRegistry``; nothing else switches over formats.
///
/// ```swift
/// let formats = ImageFormatRegistry.standard.adding(MyFormat())
/// let decoded = try formats.read(path: "scan.myf")
/// ```
public protocol ImageFormat: Sendable {
    /// A stable, lower-case identifier ("png", "jpeg"), used in help texts and to replace a
    /// format in a registry; two formats in one registry never share a name.
    var name: String { get }

    /// How many leading bytes ``recognises(_:)`` needs to decide; at least 1.
    var signatureLength: Int { get }

    /// Whether a file starting with `prefix` is in this format.
    ///
    /// Judges the signature only; a recognised file may still fail to decode.
    /// - Parameter prefix: the file's first ``signatureLength`` bytes, or all of them when
    ///   the file is shorter (including empty), in which case the answer is usually false.
    func recognises(_ prefix: [UInt8]) -> Bool

    /// Decodes a whole file held in memory.
    /// - Parameters:
    ///   - bytes: the file's bytes; they need not satisfy ``recognises(_:)``.
    ///   - file: the name used in errors and warnings.
    ///   - options: limits checked before allocating, 16-bit handling.
    /// - Returns: the image plus any recoverable problems met (empty for strict formats).
    /// - Throws: ``ImagingError`` naming `file`: `.corrupt`, `.unsupported` or `.tooLarge`;
    ///   bytes without the signature give `.unknownFormat` or `.corrupt`, as the decoder chooses.
    func decode(_ bytes: [UInt8], file: String, options: DecodingOptions) throws(ImagingError) -> DecodedImage

    /// The lower-case extensions without the dot (["pnm", "ppm", "pgm"]) this format writes,
    /// preferred first; empty for a decode-only format (the default).
    var writableExtensions: [String] { get }

    /// The file bytes for `image`.
    ///
    /// The default, for decode-only formats, throws `.cannotEncode`.
    /// - Parameters:
    ///   - image: the image to encode.
    ///   - file: the destination's name, for errors; a format may read its extension.
    /// - Throws: ``ImagingError/cannotEncode(file:reason:)`` naming `file` when this format
    ///   cannot hold the image (alpha in PNM, an empty image in PNG) or cannot be written at all.
    func encode(_ image: Image, file: String) throws(ImagingError) -> [UInt8]
}

extension ImageFormat {
    public var writableExtensions: [String] { [] }

    public func encode(_ image: Image, file: String) throws(ImagingError) -> [UInt8] {
        throw .cannotEncode(file: file, reason: "\(name) images can be read but not written")
    }
}
