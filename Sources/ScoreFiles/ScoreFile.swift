import ArrayFormats
import Foundation

/// Reads anomaly scores, and labels where present, from CSV, TSV, text, `.npy` and JSON files.
public enum ScoreFile {
    /// Reads the score file at `path`, choosing the format from its extension.
    ///
    /// `.csv`, `.tsv`, `.npy` and `.json` select those formats; anything else is
    /// read as plain text with one score per line. An empty file, a header-only
    /// CSV or an empty JSON array gives a valid empty set.
    /// - Throws: ``ScoreFileError``, naming the file and the line or element at fault.
    /// - Complexity: O(n) in the file size.
    public static func read(path: String, options: ScoreFileOptions = .init()) throws(ScoreFileError) -> ScoreSet {
        try decode(try load(path: path), format: ScoreFileFormat(path: path), source: path, options: options)
    }

    /// Reads scores from the bytes of a file in `format`; `source` names them in errors.
    ///
    /// Useful for standard input or data that is already in memory.
    public static func decode(
        _ bytes: [UInt8], format: ScoreFileFormat, source: String, options: ScoreFileOptions = .init()
    ) throws(ScoreFileError) -> ScoreSet {
        var set: ScoreSet
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

    /// Reads a whole file, telling a missing file apart from an unreadable one.
    private static func load(path: String) throws(ScoreFileError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .missingFile(source: path)
        }
        guard !isDirectory.boolValue else { throw .unreadable(source: path, reason: "is a directory, not a file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(source: path, reason: "cannot be read (check its permissions)")
        }
        return [UInt8](data)
    }
}
