import ArrayFormats

/// Why a score file could not be read; every case names the file and, where
/// there is one, the line or element at fault.
public enum ScoreFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be read: missing, or present but unreadable (permissions, a directory, I/O).
    case file(FileReadError)
    /// A JSON or `.npy` file is malformed.
    case format(ArrayFormatError)
    /// A score is not a decimal number; `text` quotes it (empty for an empty field).
    case notANumber(source: String, location: ScoreLocation, text: String)
    /// A score is NaN or ±infinity and the policy is ``NonFinitePolicy/reject``.
    case nonFinite(source: String, location: ScoreLocation, text: String)
    /// A label is not one of 0/1, true/false, good/anomalous, normal/anomaly.
    case invalidLabel(source: String, location: ScoreLocation, text: String)
    /// The file has a different number of labels than scores.
    case countMismatch(source: String, scores: Int, labels: Int)
    /// The header row lacks a requested column; `available` lists the columns it has.
    case missingColumn(source: String, column: String, available: [String])
    /// A CSV/TSV row has a different number of fields than the header.
    case fieldCount(source: String, line: Int, expected: Int, found: Int)
    /// A CSV/TSV row cannot be split into fields (for example an unterminated quote).
    case malformedRow(source: String, line: Int, reason: String)
    /// A blank line sits between data rows of a CSV/TSV file, where it would hide a missing value.
    case blankLine(source: String, line: Int)
    /// A JSON object has no score array under `key`; `keys` lists the keys it has.
    case missingScores(source: String, key: String, keys: [String])
    /// A JSON value has the wrong type, e.g. a string where a number belongs.
    case unexpectedJSON(source: String, path: String, expected: String, found: String)
    /// A `.npy` array is not one-dimensional or a single column.
    case unsupportedShape(source: String, shape: [Int])
    /// A file read as CSV, TSV or plain text holds binary data; `reason` says what gave it away.
    case notText(source: String, format: ScoreFileFormat, reason: String)

    /// The file the error is about.
    public var source: String {
        switch self {
        case let .format(error): return error.source
        case let .file(error): return error.path
        case let .notANumber(source, _, _), let .nonFinite(source, _, _), let .invalidLabel(source, _, _),
            let .countMismatch(source, _, _), let .missingColumn(source, _, _),
            let .fieldCount(source, _, _, _), let .malformedRow(source, _, _), let .blankLine(source, _),
            let .missingScores(source, _, _), let .unexpectedJSON(source, _, _, _),
            let .unsupportedShape(source, _), let .notText(source, _, _):
            return source
        }
    }

    public var description: String {
        switch self {
        case let .file(error):
            return error.description
        case let .format(error):
            return error.description
        case let .notANumber(source, location, text):
            if text.isEmpty { return "\(source), \(location): the score is empty" }
            if text.unicodeScalars.contains("\u{0}") {
                return "\(source), \(location): \(quote(text)) is not a number (it contains a NUL byte)"
            }
            if looksHexadecimal(text) {
                return "\(source), \(location): \(quote(text)) is not a decimal number (hexadecimal is not accepted)"
            }
            return "\(source), \(location): \(quote(text)) is not a number"
        case let .nonFinite(source, location, text):
            return "\(source), \(location): the score \(quote(text)) is not finite; "
                + "remove it or drop non-finite scores explicitly"
        case let .invalidLabel(source, location, text):
            let what = text.isEmpty ? "the label is empty" : "\(quote(text)) is not a label"
            return "\(source), \(location): \(what); expected 0/1, good/anomalous, normal/anomaly or false/true"
        case let .countMismatch(source, scores, labels):
            return "\(source): \(scores) scores but \(labels) labels; each score needs exactly one label"
        case let .missingColumn(source, column, available):
            return "\(source): no column \(quote(column)) in the header; available columns: \(columnList(available))"
        case let .fieldCount(source, line, expected, found):
            return "\(source), line \(line): \(found) field\(found == 1 ? "" : "s"), "
                + "but the header has \(expected)"
        case let .malformedRow(source, line, reason):
            return "\(source), line \(line): \(reason)"
        case let .blankLine(source, line):
            return "\(source), line \(line): blank line between data rows"
        case let .missingScores(source, key, keys):
            let list = keys.isEmpty ? "none" : keys.map(quote).joined(separator: ", ")
            return "\(source): the JSON object has no \(quote(key)) array; keys present: \(list)"
        case let .unexpectedJSON(source, path, expected, found):
            return "\(source), \(path): expected \(expected), found \(found)"
        case let .unsupportedShape(source, shape):
            let dims = shape.isEmpty ? "a 0-d scalar" : "shape (" + shape.map(String.init).joined(separator: ", ") + ")"
            return "\(source): expected a 1-D array or a single column, found \(dims)"
        case let .notText(source, format, reason):
            return "\(source): does not look like text (\(reason)), so it cannot be read as \(format.displayName);"
                + " a binary score file must be a .npy array"
        }
    }
}

extension ScoreFileError {
    /// No file exists at the path: `.file(.missingFile(path: source))`.
    public static func missingFile(source: String) -> ScoreFileError { .file(.missingFile(path: source)) }

    /// The file exists but could not be read: `.file(.unreadable(path: source, reason: reason))`.
    public static func unreadable(source: String, reason: String) -> ScoreFileError {
        .file(.unreadable(path: source, reason: reason))
    }
}

/// At most this many header columns are listed in a message.
let listedColumnLimit = 12

/// Header columns for a message: quoted, escaped, each shortened, and at most ``listedColumnLimit`` of them.
func columnList(_ columns: [String]) -> String {
    guard !columns.isEmpty else { return "none" }
    let shown = columns.prefix(listedColumnLimit).map(quote).joined(separator: ", ")
    let hidden = columns.count - listedColumnLimit
    return hidden > 0 ? shown + " and \(hidden) more" : shown
}

/// Quotes file content for a message, escaping what a terminal would hide and shortening long text.
func quote(_ text: String) -> String { quotedForMessage(text, limit: 80) }
