/// The network φ that Deep SVDD trains: an MLP for feature vectors or a convolutional encoder for grey images.
///
/// Both follow Ruff et al.'s rules: no biases, batch normalisation without
/// affine parameters, leaky ReLU (slope 0.01).
public enum DeepSVDDArchitecture: Sendable, Hashable {
    /// Linear → batch norm → leaky ReLU for each hidden width, then a linear map to the representation.
    ///
    /// Input: N×`inputDimension` feature vectors, at any scale (standardised features train fastest).
    case multilayerPerceptron(inputDimension: Int, hiddenDimensions: [Int], representationDimension: Int)
    /// Five blocks of 5×5 convolution (padding 2) → batch norm → leaky ReLU → 2×2 max-pool, with
    /// channels 1→32→64→64→64→32, flattened to 32·(s/32)² values (512 for s = 128).
    ///
    /// Input: N×1×s×s grey images with s a multiple of 32 (at least 32), values in [0, 1]; the
    /// pre-training decoder ends in a sigmoid, so it can only reconstruct that range.
    case convolutional(imageSize: Int)

    /// The 1280-512-128 MLP for EfficientNet-Lite0 features (the anchor's network).
    public static let efficientNetFeatures = DeepSVDDArchitecture.multilayerPerceptron(
        inputDimension: 1280, hiddenDimensions: [512], representationDimension: 128)

    /// The 128×128 grey-image encoder of the seed repository (512-d representation).
    public static let greyImages128 = DeepSVDDArchitecture.convolutional(imageSize: 128)

    /// Output channels of the five convolutional blocks.
    static let convolutionChannels = [32, 64, 64, 64, 32]

    /// The shape of one input sample.
    public var sampleShape: [Int] {
        switch self {
        case let .multilayerPerceptron(input, _, _): [input]
        case let .convolutional(size): [1, size, size]
        }
    }

    /// The dimension of the representation φ(x), which is also the centre's.
    public var representationDimension: Int {
        switch self {
        case let .multilayerPerceptron(_, _, representation): representation
        case let .convolutional(size): Self.convolutionChannels.last! * (size / 32) * (size / 32)
        }
    }

    /// Throws if a dimension is out of range.
    /// Throws if a dimension is out of range: not positive, or so large that a layer would hold
    /// more than 2³⁰ weights or an input more than 2²⁶ values (a stored architecture is checked
    /// before anything is sized from it).
    public func validate() throws(DeepSVDDError) {
        switch self {
        case let .multilayerPerceptron(input, hidden, representation):
            let widths = [input] + hidden + [representation]
            guard widths.allSatisfy({ $0 > 0 && $0 <= 1 << 26 }) else {
                throw .invalidConfiguration("MLP dimensions must lie in 1...\(1 << 26), got \(widths)")
            }
            for (a, b) in zip(widths, widths.dropFirst()) where a * b > 1 << 30 {
                throw .invalidConfiguration("an MLP layer of \(a)×\(b) weights is larger than \(1 << 30)")
            }
        case let .convolutional(size):
            guard size >= 32, size % 32 == 0, size <= 4096 else {
                throw .invalidConfiguration("image size must be a multiple of 32 in 32...4096, got \(size)")
            }
        }
    }

    /// The encoder φ.
    func encoderLayers() -> [Layer] {
        switch self {
        case let .multilayerPerceptron(input, hidden, representation):
            var layers: [Layer] = []
            var width = input
            for h in hidden {
                layers += [.linear(Linear(inputCount: width, outputCount: h)),
                           .batchNorm(BatchNorm(channels: h)), .leakyReLU(LeakyReLU())]
                width = h
            }
            return layers + [.linear(Linear(inputCount: width, outputCount: representation))]
        case .convolutional:
            var layers: [Layer] = []
            var channels = 1
            for out in Self.convolutionChannels {
                layers += [.conv2d(Conv2d(inputChannels: channels, outputChannels: out, kernel: 5, padding: 2)),
                           .batchNorm(BatchNorm(channels: out)), .leakyReLU(LeakyReLU()), .maxPool2d(MaxPool2d())]
                channels = out
            }
            return layers + [.reshape(sampleShape: [representationDimension])]
        }
    }

    /// The decoder used only for autoencoder pre-training: the encoder mirrored.
    ///
    /// MLP: linear → batch norm → leaky ReLU back through the hidden widths, then a linear map to
    /// the input with no output activation (features are unbounded). Convolutional: each encoder
    /// block mirrored as bilinear ×2 up-sampling → 5×5 transposed convolution → batch norm → leaky
    /// ReLU, channels 32→64→64→64→32→1, the last block ending in a sigmoid instead.
    func decoderLayers() -> [Layer] {
        switch self {
        case let .multilayerPerceptron(input, hidden, representation):
            var layers: [Layer] = []
            var width = representation
            for h in hidden.reversed() {
                layers += [.linear(Linear(inputCount: width, outputCount: h)),
                           .batchNorm(BatchNorm(channels: h)), .leakyReLU(LeakyReLU())]
                width = h
            }
            return layers + [.linear(Linear(inputCount: width, outputCount: input))]
        case let .convolutional(size):
            let channels = Self.convolutionChannels
            var layers: [Layer] = [.reshape(sampleShape: [channels.last!, size / 32, size / 32])]
            let outputs = Array(channels.reversed().dropFirst()) + [1]  // 64, 64, 64, 32, 1
            var current = channels.last!
            for (index, out) in outputs.enumerated() {
                layers += [.upsample(BilinearUpsample2d()),
                           .convTranspose2d(ConvTranspose2d(inputChannels: current, outputChannels: out,
                                                            kernel: 5, padding: 2))]
                layers += index == outputs.count - 1
                    ? [.sigmoid(Sigmoid())]
                    : [.batchNorm(BatchNorm(channels: out)), .leakyReLU(LeakyReLU())]
                current = out
            }
            return layers
        }
    }

    /// Whether some batch normalisation sees flat feature vectors, which a one-sample batch cannot
    /// normalise (the MLP); the convolutional network normalises over pixels only.
    var normalisesFeatureVectors: Bool {
        if case .multilayerPerceptron = self { return true }
        return false
    }

    /// Samples per inference chunk, which bounds the memory of scoring large sets.
    var inferenceChunk: Int {
        switch self {
        case .multilayerPerceptron: 1024
        case .convolutional: 16
        }
    }
}
