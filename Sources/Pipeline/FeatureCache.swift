import ArrayFormats
import Foundation

/// A per-image cache of feature vectors, so re-running a comparison skips the CNN.
///
/// The key is the image's absolute path, size and modification time, plus the
/// extractor's identity (its name, weights digest and preprocessing version),
/// hashed with SHA-256. Any change to the file or the extractor misses the
/// cache, and a damaged entry is treated as a miss, never as data.
public struct FeatureCache: Sendable {
    /// The folder holding one `.npy` per cached image.
    public var directory: String

    public init(directory: String) { self.directory = directory }

    /// `$THRESHOLDKIT_CACHE`, else `$XDG_CACHE_HOME/thresholdkit`, else `~/.cache/thresholdkit`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let dir = environment["THRESHOLDKIT_CACHE"], !dir.isEmpty { return dir }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/thresholdkit" }
        return (environment["HOME"] ?? NSTemporaryDirectory()) + "/.cache/thresholdkit"
    }

    /// The cache key of `path` under `extractor`, or nil if the file cannot be inspected.
    public func key(for path: String, extractor: String) -> String? {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
              let size = attributes[.size] as? Int, let modified = attributes[.modificationDate] as? Date
        else { return nil }
        let text = "\(url.path)\n\(size)\n\(modified.timeIntervalSince1970)\n\(extractor)"
        return SHA256.hexDigest(Array(text.utf8))
    }

    /// The cached vector for `path`, or nil on a miss (absent, changed, or damaged).
    public func load(_ path: String, extractor: String, dimension: Int) -> [Float]? {
        guard let key = key(for: path, extractor: extractor),
              let array = try? NPY.read(path: entryPath(key)), array.shape == [dimension]
        else { return nil }
        return array.floats()
    }

    /// Stores a vector; failures are ignored because the cache is only an optimisation.
    public func store(_ vector: [Float], for path: String, extractor: String) {
        guard let key = key(for: path, extractor: extractor) else { return }
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try? NPY.write(NPYArray(vector), to: entryPath(key))
    }

    func entryPath(_ key: String) -> String { directory + "/" + key + ".npy" }
}
