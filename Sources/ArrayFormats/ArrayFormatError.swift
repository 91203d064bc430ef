/// Why an array or JSON file could not be read or written; every case names its source.
///
/// `source` is the path of the file, or a caller-chosen name for in-memory bytes,
/// so that a message shown to a user always says which input was at fault.
public enum ArrayFormatError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be read: missing, or present but unreadable (permissions, a directory, I/O).
    case file(FileReadError)
    /// The file could not be written (permissions, a missing directory, a full disk).
    case unwritable(source: String, reason: String)
    /// The file does not start with the `\x93NUMPY` magic string.
    case badMagic(source: String)
    /// The `.npy` format version is not 1.0, 2.0 or 3.0.
    case unsupportedVersion(source: String, major: UInt8, minor: UInt8)
    /// The `.npy` header dictionary could not be understood; `header` quotes it.
    case malformedHeader(source: String, header: String, reason: String)
    /// The `.npy` element type is not one this reader decodes (structured, float16, strings, …).
    case unsupportedDType(source: String, descr: String)
    /// The file ends before the data the header promises.
    case truncatedData(source: String, expectedBytes: Int, actualBytes: Int)
    /// An array's shape does not match its number of elements.
    case shapeMismatch(source: String, shape: [Int], count: Int)
    /// JSON text is not well formed; `line` and `column` are 1-based, columns counting characters.
    case jsonSyntax(source: String, line: Int, column: Int, message: String)
    /// A container file (``TensorArchive``) is not one, or is damaged.
    case corrupt(source: String, reason: String)

    /// The file or input the error is about.
    public var source: String {
        switch self {
        case let .file(error):
            return error.path
        case let .unwritable(source, _),
            let .badMagic(source),
            let .unsupportedVersion(source, _, _), let .malformedHeader(source, _, _),
            let .unsupportedDType(source, _), let .truncatedData(source, _, _),
            let .shapeMismatch(source, _, _), let .jsonSyntax(source, _, _, _), let .corrupt(source, _):
            return source
        }
    }

    public var description: String {
        switch self {
        case let .file(error):
            return error.description
        case let .unwritable(source, reason):
            return "\(source): cannot be written: \(reason)"
        case let .badMagic(source):
            return "\(source): not a NumPy .npy file (missing the \\x93NUMPY magic string)"
        case let .unsupportedVersion(source, major, minor):
            return "\(source): unsupported .npy format version \(major).\(minor) (expected 1.0, 2.0 or 3.0)"
        case let .malformedHeader(source, header, reason):
            return "\(source): malformed .npy header (\(reason)): \(quotedForMessage(header))"
        case let .unsupportedDType(source, descr):
            return "\(source): unsupported .npy dtype \(quotedForMessage(descr)); "
                + "expected a bool, integer, float32 or float64 array"
        case let .truncatedData(source, expected, actual):
            return "\(source): truncated .npy data: expected \(expected) bytes, found \(actual)"
        case let .shapeMismatch(source, shape, count):
            let dims = shape.map(String.init).joined(separator: "×")
            return "\(source): shape [\(dims)] does not hold \(count) elements"
        case let .jsonSyntax(source, line, column, message):
            return "\(source):\(line):\(column): invalid JSON: \(message)"
        case let .corrupt(source, reason):
            return "\(source): \(reason)"
        }
    }
}

extension ArrayFormatError {
    /// No file exists at the path: `.file(.missingFile(path: source))`.
    public static func missingFile(source: String) -> ArrayFormatError { .file(.missingFile(path: source)) }

    /// The file exists but could not be read: `.file(.unreadable(path: source, reason: reason))`.
    public static func unreadable(source: String, reason: String) -> ArrayFormatError {
        .file(.unreadable(path: source, reason: reason))
    }
}

/// Quotes user-supplied text for an error message, shortening it so that a
/// corrupt multi-kilobyte header cannot flood the terminal.
///
/// Public so that modules reading other file formats quote the same way.
public func quotedForMessage(_ text: String, limit: Int = 200) -> String {
    let shown = text.count > limit ? String(text.prefix(limit)) + "…" : text
    var out = ""
    appendQuoted(shown.unicodeScalars, to: &out) { scalar in
        scalar.value < 0x20 || scalar.value == 0x7F ? "\\u{\(String(scalar.value, radix: 16))}" : nil
    }
    return out
}
