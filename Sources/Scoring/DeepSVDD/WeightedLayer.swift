import Randomness

/// A layer with trainable weights (linear, convolution, transposed convolution): the network holds
/// its weights and hands them in, so the optimiser can update them in place.
protocol WeightedLayer: Sendable {
    /// Number of weights.
    var weightCount: Int { get }

    /// PyTorch's default initialisation for the layer, drawn from `generator`.
    func initialWeights(generator: inout SeededGenerator) -> [Float]

    /// The layer's output for a batch.
    func forward(_ x: Tensor, weights: [Float]) -> Tensor

    /// Gradients with respect to the input (when asked for) and the weights, from the output gradient `dy`.
    func backward(_ dy: Tensor, input x: Tensor, weights: [Float], needsInputGradient: Bool)
        -> (input: Tensor?, weights: [Float])
}

extension Linear: WeightedLayer {}
extension Conv2d: WeightedLayer {}
extension ConvTranspose2d: WeightedLayer {}

extension Layer {
    /// The layer as a weighted layer, or nil for a layer without weights.
    var weighted: (any WeightedLayer)? {
        switch self {
        case let .linear(l): l
        case let .conv2d(l): l
        case let .convTranspose2d(l): l
        default: nil
        }
    }

    /// Number of weights, or nil for a layer without any.
    var weightCount: Int? { weighted?.weightCount }

    /// Seeded initial weights, or nil for a layer without any.
    func initialWeights(generator: inout SeededGenerator) -> [Float]? {
        weighted?.initialWeights(generator: &generator)
    }
}
