import ArrayFormats
import Foundation
import LinearAlgebra

/// A per-image cache of features, so re-running a comparison skips the CNN.
///
/// The key is the SHA-256 of the image file's bytes together with the extractor's
/// identifier (its name, weights digest, preprocessing version, size and layers), so
/// replacing a file's content behind an unchanged size and time still misses. A damaged
/// entry is treated as a miss, never as data.
public struct FeatureCache: Sendable {
    /// The folder holding one entry per cached image.
    public var directory: String

    public init(directory: String) { self.directory = directory }

    /// `$THRESHOLDKIT_CACHE`, else `$XDG_CACHE_HOME/thresholdkit`, else `~/.cache/thresholdkit`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let dir = environment["THRESHOLDKIT_CACHE"], !dir.isEmpty { return dir }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/thresholdkit" }
        return (environment["HOME"] ?? NSTemporaryDirectory()) + "/.cache/thresholdkit"
    }

    /// The cache key of an image file's bytes under `extractor`.
    public static func key(contents: [UInt8], extractor: String) -> String {
        SHA256.hexDigest(Array(SHA256.hexDigest(contents).utf8) + Array("\n\(extractor)".utf8))
    }

    /// The cached features for `key`, or nil on a miss (absent or damaged).
    public func load(_ key: String, dimension: Int) -> FeatureBatch? {
        guard let archive = try? TensorArchive.read(path: entryPath(key)),
              let grid = archive.metadata["grid"]?.arrayValue?.compactMap(\.intValue), grid.count == 6,
              let rows = archive["rows"], rows.shape.count == 2, rows.shape[1] == dimension,
              rows.shape[0] == grid[0] * grid[1], case .float32(let values) = rows.storage
        else { return nil }
        func known(_ v: Int) -> Int? { v > 0 ? v : nil }
        let g = FeatureBatch.Grid(height: grid[0], width: grid[1], inputHeight: known(grid[2]), inputWidth: known(grid[3]),
                                  sourceHeight: known(grid[4]), sourceWidth: known(grid[5]))
        return FeatureBatch(rows: Matrix(rows: rows.shape[0], columns: dimension, elements: values), grids: [g])
    }

    /// Stores one image's features; returns why it could not, if it could not (the cache is only an optimisation).
    @discardableResult
    public func store(_ sample: FeatureBatch, key: String) -> String? {
        guard sample.count == 1 else { return "one sample per entry" }
        let g = sample.grids[0]
        let archive = TensorArchive(
            metadata: ["grid": .array([g.height, g.width, g.inputHeight ?? 0, g.inputWidth ?? 0, g.sourceHeight ?? 0, g.sourceWidth ?? 0]
                .map { .number(Double($0)) })],
            sections: [("rows", NPYArray(rows: sample.rows.rows, columns: sample.dimension, values: sample.rows.elements))])
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch { return "\(directory): \(error.localizedDescription)" }
        do throws(ArrayFormatError) { try archive.write(to: entryPath(key)) } catch { return error.description }
        return nil
    }

    func entryPath(_ key: String) -> String { directory + "/" + key + ".tkf" }
}
