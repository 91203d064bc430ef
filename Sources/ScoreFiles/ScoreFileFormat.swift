/// The layout of a score file, normally chosen by its extension.
public enum ScoreFileFormat: String, Sendable, Hashable, CaseIterable {
    /// Comma-separated values with a header row.
    case csv
    /// Tab-separated values with a header row.
    case tsv
    /// A NumPy `.npy` array of shape `(n,)` or `(n, 1)`.
    case npy
    /// A JSON array of numbers, or an object with `scores` and optional `labels`.
    case json
    /// One number per line; blank lines and `#` comments are skipped.
    case text

    /// The format for a path's extension (case-insensitive); unknown extensions are plain text.
    public init(path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else {
            self = .text
            return
        }
        let ext = name[name.index(after: dot)...].lowercased()
        self = ScoreFileFormat(rawValue: ext) ?? .text
    }

    /// The format's name in messages: "CSV", "TSV", ".npy", "JSON", "plain text".
    public var displayName: String {
        switch self {
        case .csv: return "CSV"
        case .tsv: return "TSV"
        case .npy: return ".npy"
        case .json: return "JSON"
        case .text: return "plain text"
        }
    }
}
