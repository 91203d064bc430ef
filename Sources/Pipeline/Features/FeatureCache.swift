import ArrayFormats
import Foundation
import LinearAlgebra

/// A per-image cache of features, so re-running a comparison skips the CNN.
///
/// The key is the SHA-256 of the image file's bytes together with the extractor's
/// identifier (its name, weights digest, preprocessing version, size and layers), so
/// replacing a file's content behind an unchanged size and time still misses. A damaged
/// entry is treated as a miss, never as data.
///
/// The entries are bounded: a hit refreshes its entry's modification time, and after a run
/// writes entries the least recently used ones are deleted until they take at most
/// ``maxBytes`` (see ``evictLeastRecentlyUsed()``). Only files named like entries
/// (`<64 hex digits>.tkf`) are ever counted or deleted.
///
/// A value and its copies make one run: when writing fails (a read-only folder, a full
/// disk) the run warns once and stops writing, and never fails for it.
public struct FeatureCache: Sendable {
    /// The folder holding one entry per cached image.
    public var directory: String
    /// The most bytes the entries may take once a run has written its own; 2 GiB by default.
    public var maxBytes: Int
    /// What this run has done, shared by every copy of this value.
    let run = RunState()

    /// 2 GiB.
    public static let defaultMaxBytes = 2 << 30

    /// A cache in `directory`, its entries capped at `maxBytes` bytes.
    /// - Precondition: `maxBytes ≥ 0` (user input goes through ``maxBytes(environment:)``).
    public init(directory: String, maxBytes: Int = defaultMaxBytes) {
        precondition(maxBytes >= 0, "a cache cap cannot be negative")
        self.directory = directory
        self.maxBytes = maxBytes
    }

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

    /// The cached features for `key`, or nil on a miss (absent or damaged). A hit marks its
    /// entry as just used (modification time now), so eviction keeps it longest.
    public func load(_ key: String, dimension: Int) -> FeatureBatch? {
        let path = entryPath(key)
        guard let archive = try? TensorArchive.read(path: path),
              let grid = archive.metadata["grid"]?.arrayValue?.compactMap(\.intValue), grid.count == 6,
              let rows = archive["rows"], rows.shape.count == 2, rows.shape[1] == dimension,
              rows.shape[0] == grid[0] * grid[1], case .float32(let values) = rows.storage
        else { return nil }
        func known(_ v: Int) -> Int? { v > 0 ? v : nil }
        let g = FeatureBatch.Grid(height: grid[0], width: grid[1], inputHeight: known(grid[2]), inputWidth: known(grid[3]),
                                  sourceHeight: known(grid[4]), sourceWidth: known(grid[5]))
        // A read-only cache still serves hits; its recency just stays as it was.
        _ = utimes(path, nil)
        return FeatureBatch(rows: Matrix(rows: rows.shape[0], columns: dimension, elements: values), grids: [g])
    }

    /// Stores one image's features; returns why it could not, if it could not (the cache is only an optimisation).
    ///
    /// Neither counts toward the run's one warning nor evicts: ``FeatureTable`` does both.
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
        } catch { return Self.reason(error) }
        do throws(ArrayFormatError) { try archive.write(to: entryPath(key)) } catch {
            if case let .unwritable(_, reason) = error { return reason }
            return error.description
        }
        return nil
    }

    /// The system's words for why a folder could not be made ("Not a directory", "Permission denied").
    static func reason(_ error: any Error) -> String {
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? any Error,
           case let posix = underlying as NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        return error.localizedDescription
    }

    /// The file of the entry `key`: see ``isEntryName(_:)``.
    func entryPath(_ key: String) -> String { directory + "/" + key + Self.entryExtension }

    static let entryExtension = ".tkf"

    /// Whether a file name is one the cache writes: 64 lowercase hex digits (a key) and `.tkf`.
    /// Nothing else in the folder is ever counted or deleted.
    static func isEntryName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        let ext = Array(entryExtension.utf8)
        guard bytes.count == 64 + ext.count, bytes.suffix(ext.count).elementsEqual(ext) else { return false }
        return bytes.prefix(64).allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
    }
}
