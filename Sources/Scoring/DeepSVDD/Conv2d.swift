import Randomness

/// A stride-1, zero-padded 2-D convolution without bias, lowered to im2col and one matrix product per image.
///
/// Input N×C×H×W, output N×out×H'×W' with H' = H + 2·padding − kernel + 1
/// (the same size for the 5×5, padding-2 layers of Deep SVDD). The weight is
/// stored out×C×k×k, as PyTorch's `nn.Conv2d` stores it.
struct Conv2d: Sendable, Hashable {
    let inputChannels: Int
    let outputChannels: Int
    let kernel: Int
    let padding: Int

    /// Number of weights (out × in × k × k).
    var weightCount: Int { outputChannels * inputChannels * kernel * kernel }

    /// PyTorch's default initialisation (fan-in = in·k·k).
    func initialWeights(generator: inout SeededGenerator) -> [Float] {
        KaimingUniform.weights(count: weightCount, fanIn: inputChannels * kernel * kernel, generator: &generator)
    }

    func geometry(of shape: [Int]) -> ConvolutionGeometry {
        precondition(shape.count == 4 && shape[1] == inputChannels,
                     "Conv2d expects N×\(inputChannels)×H×W, got \(shape)")
        return ConvolutionGeometry(channels: inputChannels, height: shape[2], width: shape[3],
                                   kernel: kernel, padding: padding)
    }

    /// The convolution of every image in the batch.
    /// - Complexity: O(N · out · in · k² · H' · W').
    func forward(_ x: Tensor, weights: [Float]) -> Tensor {
        let g = geometry(of: x.shape)
        let y = g.correlate(x.values, count: x.shape[0], weights: weights, rows: outputChannels)
        return Tensor(shape: [x.shape[0], outputChannels, g.outputHeight, g.outputWidth], values: y)
    }

    /// Gradients with respect to the input (col2im(Wᵀ·dy)) and the weight (Σ dy·colᵀ over images).
    ///
    /// The column matrices are recomputed rather than kept from the forward pass:
    /// for a batch of 16 images at 64×64×32 they would take 200 MB.
    /// - Complexity: O(N · out · in · k² · H' · W').
    func backward(_ dy: Tensor, input x: Tensor, weights: [Float], needsInputGradient: Bool)
        -> (input: Tensor?, weights: [Float])
    {
        let g = geometry(of: x.shape)
        let n = x.shape[0]
        let dw = g.weightGradient(dy.values, images: x.values, count: n, rows: outputChannels)
        guard needsInputGradient else { return (nil, dw) }
        return (Tensor(shape: x.shape, values: g.scatter(dy.values, count: n, weights: weights, rows: outputChannels)), dw)
    }
}
