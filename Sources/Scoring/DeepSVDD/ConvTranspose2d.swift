import Randomness

/// A stride-1 transposed convolution without bias: the adjoint of `Conv2d`, used by the decoder.
///
/// Input N×C×H×W, output N×out×H'×W' with H' = H + kernel − 1 − 2·padding
/// (the same size for kernel 5, padding 2). The weight is stored C×out×k×k,
/// as PyTorch's `nn.ConvTranspose2d` stores it. The forward pass is the
/// convolution's input-gradient path, col2im(Wᵀ·x), and vice versa.
struct ConvTranspose2d: Sendable, Hashable {
    let inputChannels: Int
    let outputChannels: Int
    let kernel: Int
    let padding: Int

    /// Number of weights (in × out × k × k).
    var weightCount: Int { inputChannels * outputChannels * kernel * kernel }

    /// PyTorch's default initialisation: its fan-in for a transposed convolution is out·k·k.
    func initialWeights(generator: inout SeededGenerator) -> [Float] {
        KaimingUniform.weights(count: weightCount, fanIn: outputChannels * kernel * kernel, generator: &generator)
    }

    /// The im2col geometry of the *output* image, whose column matrix has one column per input pixel.
    func outputGeometry(of shape: [Int]) -> ConvolutionGeometry {
        precondition(shape.count == 4 && shape[1] == inputChannels,
                     "ConvTranspose2d expects N×\(inputChannels)×H×W, got \(shape)")
        return ConvolutionGeometry(channels: outputChannels, height: shape[2] + kernel - 1 - 2 * padding,
                                   width: shape[3] + kernel - 1 - 2 * padding, kernel: kernel, padding: padding)
    }

    /// The transposed convolution of every image in the batch: `Conv2d`'s input-gradient product.
    /// - Complexity: O(N · out · in · k² · H · W).
    func forward(_ x: Tensor, weights: [Float]) -> Tensor {
        let g = outputGeometry(of: x.shape)
        let y = g.scatter(x.values, count: x.shape[0], weights: weights, rows: inputChannels)
        return Tensor(shape: [x.shape[0], outputChannels, g.height, g.width], values: y)
    }

    /// Gradients with respect to the input (W·im2col(dy)) and the weight (Σ x·im2col(dy)ᵀ over images).
    /// - Complexity: O(N · out · in · k² · H · W).
    func backward(_ dy: Tensor, input x: Tensor, weights: [Float], needsInputGradient: Bool)
        -> (input: Tensor?, weights: [Float])
    {
        let g = outputGeometry(of: x.shape)
        let n = x.shape[0]
        let dw = g.weightGradient(x.values, images: dy.values, count: n, rows: inputChannels)
        guard needsInputGradient else { return (nil, dw) }
        return (Tensor(shape: x.shape, values: g.correlate(dy.values, count: n, weights: weights, rows: inputChannels)), dw)
    }
}
