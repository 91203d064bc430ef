import Foundation
import LinearAlgebra

extension FeatureCache {
    /// What one run of a cache has done: whether writing failed (then it stops, having
    /// warned once) and whether entries were written since the last eviction.
    ///
    /// A reference shared by every copy of a ``FeatureCache``, so the jobs and steps of one
    /// command, each holding its own copy, still warn once between them.
    final class RunState: @unchecked Sendable {
        private let lock = NSLock()
        private var failure: String?
        private var wroteSinceEviction = false

        /// Why writing failed, if it did in this run.
        var writeFailure: String? { lock.lock(); defer { lock.unlock() }; return failure }

        /// Records a failed write; true only for the run's first, which is the one to warn about.
        func recordFailure(_ reason: String) -> Bool {
            lock.lock(); defer { lock.unlock() }
            guard failure == nil else { return false }
            failure = reason
            return true
        }

        func recordWrite() { lock.lock(); wroteSinceEviction = true; lock.unlock() }

        /// Whether entries were written since the last call.
        func takeWrites() -> Bool {
            lock.lock(); defer { lock.unlock() }
            defer { wroteSinceEviction = false }
            return wroteSinceEviction
        }
    }

    /// Why this run stopped writing entries, if it did (the folder is read-only, the disk is full, …).
    public var writeFailure: String? { run.writeFailure }

    /// Stores `sample` as part of this run: after a failed write nothing more is tried.
    /// - Returns: the run's one warning, naming the folder, when this is the first write to fail.
    func storeForRun(_ sample: FeatureBatch, key: String) -> String? {
        guard run.writeFailure == nil else { return nil }
        guard let reason = store(sample, key: key) else {
            run.recordWrite()
            return nil
        }
        guard run.recordFailure(reason) else { return nil }
        return "the feature cache \(directory) cannot be written (\(reason)); continuing without caching"
    }

    /// Evicts least recently used entries if this run wrote any since the last time.
    func evictAfterWrites() {
        if run.takeWrites() { evictLeastRecentlyUsed() }
    }
}
