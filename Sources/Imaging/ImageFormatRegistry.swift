/// The image formats a program reads and writes, in the order their signatures are tried.
///
/// ``standard`` holds the built-in formats; a new one is one ``adding(_:)`` line:
///
/// ```swift
/// let formats = ImageFormatRegistry.standard.adding(MyFormat())
/// let decoded = try formats.read(path: "scan.myf")
/// try formats.write(decoded.image, to: "scan.png")
/// ```
///
/// Earlier formats win: ``format(of:)`` returns the first whose signature matches and
/// ``format(forExtension:)`` the first that writes the extension, so added formats never
/// take over what a built-in one already recognises; to replace a built-in format, add one
/// with the same ``ImageFormat/name``.
public struct ImageFormatRegistry: Sendable {
    /// The formats in sniffing order, names unique.
    public private(set) var formats: [any ImageFormat]

    /// An empty registry, which recognises nothing and writes nothing.
    public init() { formats = [] }

    /// PNG, JPEG, PNM and BMP, tried in that order.
    public static let standard = ImageFormatRegistry()
        .adding(PNGFormat())
        .adding(JPEGFormat())
        .adding(PNMImageFormat())
        .adding(BMPFormat())

    /// This registry plus `format`: appended last, or in place of the format with the same name.
    /// - Complexity: O(number of formats).
    public func adding(_ format: some ImageFormat) -> ImageFormatRegistry {
        var copy = self
        if let i = formats.firstIndex(where: { $0.name == format.name }) {
            copy.formats[i] = format
        } else {
            copy.formats.append(format)
        }
        return copy
    }

    /// The format called `name` (exact, lower-case match), or nil.
    public func format(named name: String) -> (any ImageFormat)? {
        formats.first { $0.name == name }
    }

    /// The first format that recognises the file's leading bytes, or nil (including for empty bytes).
    ///
    /// Each format sees only its ``ImageFormat/signatureLength`` first bytes.
    /// - Complexity: O(number of formats × their signature lengths), independent of the file size.
    public func format(of bytes: [UInt8]) -> (any ImageFormat)? {
        formats.first { $0.recognises(Array(bytes.prefix(max($0.signatureLength, 0)))) }
    }

    /// The first format that writes files with extension `ext` ("png", ".PNG" and "Png" alike), or
    /// nil for an empty or unknown extension, or one only decode-only formats use (".jpg").
    public func format(forExtension ext: String) -> (any ImageFormat)? {
        let key = ext.hasPrefix(".") ? String(ext.dropFirst()).lowercased() : ext.lowercased()
        guard !key.isEmpty else { return nil }
        return formats.first { $0.writableExtensions.contains(key) }
    }

    /// The names of every format, in sniffing order: ["png", "jpeg", "pnm", "bmp"] for ``standard``.
    public var readableNames: [String] { formats.map(\.name) }

    /// Every extension some format writes, without dots, in registry order and without repeats:
    /// ["png", "pnm", "ppm", "pgm"] for ``standard``.
    public var writableExtensions: [String] {
        var seen = Set<String>()
        return formats.flatMap(\.writableExtensions).filter { seen.insert($0).inserted }
    }

    /// The writable extensions as a phrase for help and error messages: ".png, .pnm, .ppm or .pgm";
    /// "no extension (no format here can be written)" when there are none.
    public var writableExtensionsPhrase: String {
        let dotted = writableExtensions.map { "." + $0 }
        guard let last = dotted.last else { return "no extension (no format here can be written)" }
        return dotted.count == 1 ? last : dotted.dropLast().joined(separator: ", ") + " or " + last
    }

    /// How many leading bytes ``format(of:)`` looks at at most, for callers that read only a file's head.
    public var signatureLength: Int { formats.map(\.signatureLength).max() ?? 0 }
}
