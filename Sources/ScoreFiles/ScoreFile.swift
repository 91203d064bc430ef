import ArrayFormats

/// Reads anomaly scores, and labels where present, from CSV, TSV, text, `.npy` and JSON files.
public enum ScoreFile {
    /// The path that stands for standard input.
    public static let standardInputPath = "-"
    /// How standard input is named in messages and in ``ScoreSet/source``.
    public static let standardInputName = "standard input"

    /// Reads the score file at `path`, choosing the format from its extension unless `format` is given.
    ///
    /// `.csv`, `.tsv`, `.npy` and `.json` select those formats; anything else is
    /// read as plain text with one score per line. An empty file, a header-only
    /// CSV or an empty JSON array gives a valid empty set.
    ///
    /// The path `-` reads standard input, in the format its content shows unless `format`
    /// says otherwise (see ``ScoreFileFormat/init(content:)``), named "standard input" in messages. Pipes, FIFOs and other special files are
    /// read until end of file, never by their reported size, so `<(command)` and
    /// named pipes work like regular files.
    /// - Parameters:
    ///   - path: a file path, or `-` for standard input.
    ///   - format: the layout; nil picks it from the extension (from the content for `-`).
    ///   - options: the columns, the non-finite policy and the score direction.
    ///   - standardInput: where `-` reads from; the process's standard input by default.
    /// - Throws: ``ScoreFileError``, naming the file and the line or element at fault;
    ///   ``ScoreFileError/notText(source:format:reason:)`` for binary data read as
    ///   CSV, TSV or text.
    /// - Complexity: O(n) in the file size.
    public static func read(
        path: String, format: ScoreFileFormat? = nil, options: ScoreFileOptions = .init(),
        standardInput: StandardInput = .process
    ) throws(ScoreFileError) -> ScoreSet {
        if path == standardInputPath {
            let bytes = try standardInput.bytes()
            return try decode(bytes, format: format ?? ScoreFileFormat(content: bytes), source: standardInputName, options: options)
        }
        let bytes: [UInt8]
        do throws(FileReadError) { bytes = try FileContents.bytes(atPath: path) } catch { throw .file(error) }
        return try decode(bytes, format: format ?? ScoreFileFormat(path: path), source: path, options: options)
    }

    /// Reads scores from the bytes of a file in `format`; `source` names them in errors.
    ///
    /// Useful for standard input or data that is already in memory.
    public static func decode(
        _ bytes: [UInt8], format: ScoreFileFormat, source: String, options: ScoreFileOptions = .init()
    ) throws(ScoreFileError) -> ScoreSet {
        var set: ScoreSet
        if format == .csv || format == .tsv || format == .text, let reason = TextContent.binaryReason(bytes) {
            throw .notText(source: source, format: format, reason: reason)
        }
        switch format {
        case .csv:
            set = try DelimitedScores.read(bytes, delimiter: UInt8(ascii: ","), source: source, options: options)
        case .tsv:
            set = try DelimitedScores.read(bytes, delimiter: UInt8(ascii: "\t"), source: source, options: options)
        case .text:
            set = try TextScores.read(bytes, source: source, options: options)
        case .npy:
            let array: NPYArray
            do { array = try NPY.decode(bytes, source: source) } catch { throw .format(error) }
            set = try NPYScores.read(array, source: source, options: options)
        case .json:
            let json: JSONValue
            do { json = try JSONValue.parse(bytes, source: source) } catch { throw .format(error) }
            set = try JSONScores.read(json, source: source, options: options)
        }
        if options.lowerIsAnomalous {
            // Zero stays +0 so that negated files print no "-0".
            set.scores = set.scores.map { $0 == 0 ? 0 : -$0 }
        }
        return set
    }
}
