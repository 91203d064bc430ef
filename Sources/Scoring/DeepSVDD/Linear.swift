import Randomness

/// A fully connected layer without bias: y = x·Wᵀ for a batch x of shape N×in.
///
/// The weight is stored out×in, as PyTorch's `nn.Linear` stores it.
struct Linear: Sendable, Hashable {
    /// Input features per sample.
    let inputCount: Int
    /// Output features per sample.
    let outputCount: Int

    /// Number of weights (out × in).
    var weightCount: Int { inputCount * outputCount }

    /// PyTorch's default initialisation (fan-in = `inputCount`).
    func initialWeights(generator: inout SeededGenerator) -> [Float] {
        KaimingUniform.weights(count: weightCount, fanIn: inputCount, generator: &generator)
    }

    /// y = x·Wᵀ, shape N×out.
    /// - Complexity: O(N · in · out).
    func forward(_ x: Tensor, weights: [Float]) -> Tensor {
        precondition(x.shape.count == 2 && x.shape[1] == inputCount, "Linear expects N×\(inputCount), got \(x.shape)")
        let n = x.shape[0]
        let y = nnMatmul(x.values, weights, m: n, n: outputCount, k: inputCount, transposeB: true)
        return Tensor(shape: [n, outputCount], values: y)
    }

    /// Gradients of the loss with respect to the input (dy·W) and the weight (dyᵀ·x).
    /// - Complexity: O(N · in · out).
    func backward(_ dy: Tensor, input x: Tensor, weights: [Float], needsInputGradient: Bool)
        -> (input: Tensor?, weights: [Float])
    {
        let n = x.shape[0]
        let dw = nnMatmul(dy.values, x.values, m: outputCount, n: inputCount, k: n, transposeA: true)
        guard needsInputGradient else { return (nil, dw) }
        let dx = nnMatmul(dy.values, weights, m: n, n: inputCount, k: outputCount)
        return (Tensor(shape: x.shape, values: dx), dw)
    }
}
