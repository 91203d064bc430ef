import Foundation
import Synthesis

/// Per-index result storage written by concurrent workers, each to its own slot.
final class ResultSlots<T>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    subscript(i: Int) -> T? {
        get { lock.lock(); defer { lock.unlock() }; return storage[i] }
        set { lock.lock(); storage[i] = newValue; lock.unlock() }
    }
    var values: [T] { storage.compactMap { $0 } }
}

/// A thread-safe counter for progress reports.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func increment() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
}

/// Synthetic samples collected from worker threads, returned in index order.
final class SampleBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [(String, SyntheticAnomaly)] = []
    func append(_ item: (String, SyntheticAnomaly)) { lock.lock(); stored.append(item); lock.unlock() }
    var items: [(name: String, anomaly: SyntheticAnomaly)] {
        lock.lock(); defer { lock.unlock() }
        return stored.sorted { Int($0.0) ?? 0 < Int($1.0) ?? 0 }.map { (name: $0.0, anomaly: $0.1) }
    }
}
