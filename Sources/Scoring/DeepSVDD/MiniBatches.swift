import Randomness

/// Seeded mini-batch orders for one epoch.
enum MiniBatches {
    /// The sample indices shuffled by `generator`, cut into batches of `size`, the last one short
    /// as PyTorch's `DataLoader(shuffle=True)` cuts them.
    ///
    /// With `mergingSingleton`, a final batch of one sample joins the previous batch: batch
    /// normalisation over feature vectors cannot normalise a single one (PyTorch raises an
    /// error on it). Over images it can (the statistics span the pixels), so the convolutional
    /// network keeps PyTorch's lone last batch.
    /// - Complexity: O(count).
    static func epoch(count: Int, size: Int, mergingSingleton: Bool = true, generator: inout SeededGenerator) -> [[Int]] {
        let order = Array(0..<count).shuffled(seeded: &generator)
        var batches = stride(from: 0, to: count, by: size).map { Array(order[$0..<min(count, $0 + size)]) }
        if mergingSingleton, batches.count > 1, batches.last!.count == 1 {
            let single = batches.removeLast()
            batches[batches.count - 1] += single
        }
        return batches
    }
}
