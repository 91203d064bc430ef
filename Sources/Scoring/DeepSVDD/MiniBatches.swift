import Randomness

/// Seeded mini-batch orders for one epoch.
enum MiniBatches {
    /// The sample indices shuffled by `generator`, cut into batches of `size`.
    ///
    /// A final batch of one sample joins the previous batch: batch normalisation cannot
    /// normalise a single feature vector (PyTorch raises an error on it).
    /// - Complexity: O(count).
    static func epoch(count: Int, size: Int, generator: inout SeededGenerator) -> [[Int]] {
        let order = Array(0..<count).shuffled(seeded: &generator)
        var batches = stride(from: 0, to: count, by: size).map { Array(order[$0..<min(count, $0 + size)]) }
        if batches.count > 1, batches.last!.count == 1 {
            let single = batches.removeLast()
            batches[batches.count - 1] += single
        }
        return batches
    }
}
