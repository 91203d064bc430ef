import Randomness

/// `keeping` distinct indices of 0..<count, uniformly at random, ascending (all of them when keeping ≥ count).
///
/// A partial Fisher–Yates shuffle: the same generator state gives the same subset.
/// - Complexity: O(count) memory and O(count + keeping log keeping) time.
func randomSubset(of count: Int, keeping: Int, using generator: inout SeededGenerator) -> [Int] {
    guard keeping < count else { return Array(0..<count) }
    var indices = Array(0..<count)
    for i in 0..<keeping { indices.swapAt(i, i + generator.nextInt(below: count - i)) }
    return indices[0..<keeping].sorted()
}
