import Dispatch
import Foundation

/// Splits index ranges over the machine's cores for the hot kernels.
public enum Parallel {
    /// The number of cores work is split over.
    public static let coreCount = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Calls `body(i)` for every i in 0..<iterations, concurrently when `iterations > 1`.
    ///
    /// `body` may write through pointers it captures, but only to memory no other
    /// iteration touches; that is the caller's promise, which is why this takes a
    /// non-`Sendable` closure.
    /// - Complexity: the cost of the iterations divided over the cores, plus tens of microseconds to start.
    public static func forEach(iterations: Int, _ body: (Int) -> Void) {
        guard iterations > 1 else {
            if iterations == 1 { body(0) }
            return
        }
        withoutActuallyEscaping(body) { escaping in
            let box = UncheckedSendableBox(escaping)
            DispatchQueue.concurrentPerform(iterations: iterations) { box.value($0) }
        }
    }
}

/// Carries a closure across the concurrency boundary; see `Parallel.forEach` for the rule that makes it safe.
private struct UncheckedSendableBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
