import Randomness

/// PyTorch's default weight initialisation for linear and convolutional layers.
///
/// `kaiming_uniform_(w, a: √5)` draws from U(−b, b) with b = gain·√(3 / fanIn) and
/// gain = √(2 / (1 + a²)), which simplifies to b = 1 / √fanIn.
enum KaimingUniform {
    /// `count` seeded draws from U(−1/√fanIn, 1/√fanIn).
    /// - Complexity: O(count).
    static func weights(count: Int, fanIn: Int, generator: inout SeededGenerator) -> [Float] {
        precondition(fanIn > 0, "fan-in must be positive")
        let bound = 1 / Double(fanIn).squareRoot()
        return (0..<count).map { _ in Float(generator.nextUniform(-bound, bound)) }
    }
}
