/// One layer of a `Sequential` network: its configuration and, for batch norm, its running statistics.
///
/// Weights live in the network, not here, so the optimiser can update them in place.
enum Layer: Sendable, Hashable {
    case linear(Linear)
    case conv2d(Conv2d)
    case convTranspose2d(ConvTranspose2d)
    case batchNorm(BatchNorm)
    case leakyReLU(LeakyReLU)
    case maxPool2d(MaxPool2d)
    case upsample(BilinearUpsample2d)
    case sigmoid(Sigmoid)
    /// Gives every sample a new shape of the same size (flatten, or un-flatten in a decoder).
    case reshape(sampleShape: [Int])
}

/// What one layer keeps from its forward pass for the backward pass.
enum LayerCache: Sendable {
    /// The layer's input (linear and convolution layers).
    case input(Tensor)
    /// The layer's output (activations, whose derivative is a function of it).
    case output(Tensor)
    case batchNorm(BatchNorm.Cache)
    case maxPool(MaxPool2d.Cache)
    /// The input's shape (reshape and up-sampling).
    case shape([Int])
}
