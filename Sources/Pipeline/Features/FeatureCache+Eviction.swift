import Foundation

extension FeatureCache {
    /// What an eviction did.
    public struct Eviction: Sendable, Hashable {
        /// The entry files deleted, least recently used first.
        public var removed: [String]
        /// The bytes the remaining entries take.
        public var remainingBytes: Int
    }

    /// One entry file as eviction sees it.
    struct EntryFile {
        var name: String
        var bytes: Int
        /// Modification time: the last write or hit.
        var seconds: Int
        var nanoseconds: Int
    }

    /// Deletes the least recently used entries until the rest take at most ``maxBytes``.
    ///
    /// Recency is the entry's modification time, which a write sets and a hit refreshes;
    /// equal times go by name, so the order is total. Only regular files named like
    /// entries are counted or deleted: anything else a user put in the folder (other
    /// files, folders, links, half-written temporary files) is left alone and does not
    /// count toward the cap. An entry that cannot be deleted is skipped and still counts;
    /// one another process deleted first counts as removed.
    /// - Returns: the deleted entries and the bytes left; nothing deleted when the folder is missing.
    /// - Complexity: O(n log n) for n entries, one `lstat` each.
    @discardableResult
    public func evictLeastRecentlyUsed() -> Eviction {
        let files = entryFiles()
        var total = files.reduce(0) { $0 + $1.bytes }
        var removed: [String] = []
        guard total > maxBytes else { return Eviction(removed: [], remainingBytes: total) }
        let oldestFirst = files.sorted { ($0.seconds, $0.nanoseconds, $0.name) < ($1.seconds, $1.nanoseconds, $1.name) }
        for file in oldestFirst where total > maxBytes {
            guard unlink(directory + "/" + file.name) == 0 || errno == ENOENT else { continue }
            total -= file.bytes
            removed.append(file.name)
        }
        return Eviction(removed: removed, remainingBytes: total)
    }

    /// The regular files in ``directory`` named like entries, with size and modification time.
    func entryFiles() -> [EntryFile] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.filter(Self.isEntryName).compactMap { name in
            var info = stat()
            guard lstat(directory + "/" + name, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            #if canImport(Darwin)
            let time = info.st_mtimespec
            #else
            let time = info.st_mtim
            #endif
            return EntryFile(name: name, bytes: Int(info.st_size), seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec))
        }
    }
}
