import Imaging

/// EfficientNet-Lite0 up to its pooled 1280-d features, in plain Swift (REFERENCE §7).
///
/// Stem (3×3/2, 32) → 16 MBConv blocks in 7 stages → head 1×1 320→1280 →
/// ReLU6 → global average pooling. TF "SAME" padding everywhere, batch norms
/// folded at load. The classifier (`_fc`) is not loaded.
public struct EfficientNetLite0: Sendable {
    /// Length of the pooled feature vector.
    public static let featureDimension = 1280

    /// (repeats, kernel, first stride, expansion, inputs, outputs) per stage.
    static let stages: [(repeats: Int, kernel: Int, stride: Int, expansion: Int, inputs: Int, outputs: Int)] = [
        (1, 3, 1, 1, 32, 16), (2, 3, 2, 6, 16, 24), (2, 5, 2, 6, 24, 40), (3, 3, 2, 6, 40, 80),
        (3, 5, 1, 6, 80, 112), (4, 5, 2, 6, 112, 192), (1, 3, 1, 6, 192, 320),
    ]

    /// The 16 block shapes, stage by stage; repeats after the first keep stride 1 and in = out.
    static let blockShapes: [MBConvBlock.Shape] = stages.flatMap { s in
        (0..<s.repeats).map { r in
            MBConvBlock.Shape(inputs: r == 0 ? s.inputs : s.outputs, outputs: s.outputs, kernel: s.kernel,
                              stride: r == 0 ? s.stride : 1, expansion: s.expansion)
        }
    }

    let stem: StemConv
    let blocks: [MBConvBlock]
    let head: PointwiseConv
    /// The SHA-256 of the weights file this network was loaded from.
    public let weightsDigest: String

    /// Builds the network from a state dict, folding every batch norm.
    /// - Throws: ``FeaturesError/missingTensor(source:key:)`` or ``FeaturesError/badTensor(source:key:expected:found:)``
    ///   naming the first key that is absent or ill-shaped.
    /// - Complexity: O(parameters) ≈ 3.4 million.
    public init(checkpoint: TorchCheckpoint) throws(FeaturesError) {
        stem = try StemConv(checkpoint, inputs: 3, outputs: 32)
        var blocks: [MBConvBlock] = []
        for (i, shape) in Self.blockShapes.enumerated() {
            blocks.append(try MBConvBlock(checkpoint, index: i, shape: shape))
        }
        self.blocks = blocks
        head = try PointwiseConv(checkpoint, conv: "_conv_head", bn: "_bn1", inputs: 320,
                                 outputs: Self.featureDimension, activation: true)
        weightsDigest = checkpoint.digest
    }

    /// The pooled features of one preprocessed image, such as ``ImageNetPreprocessing`` makes.
    /// - Precondition: 3 planes of at least 1 × 1.
    /// - Complexity: O(height × width); about 1.0 GFLOP at 256 × 256.
    public func features(preprocessed image: PlanarImage) -> [Float] {
        var x = stem(image)
        for block in blocks { x = block(x) }
        return head(x).spatialMean()
    }

    /// Floating-point operations (multiply-add = 2) for one image of `height` × `width`.
    /// - Complexity: O(blocks).
    public func flops(height: Int, width: Int) -> Double {
        var h = SamePadding(input: height, kernel: 3, stride: 2).output
        var w = SamePadding(input: width, kernel: 3, stride: 2).output
        var total = stem.flops(outputPixels: h * w)
        for block in blocks {
            total += block.flops(height: h, width: w)
            h = SamePadding(input: h, kernel: block.shape.kernel, stride: block.shape.stride).output
            w = SamePadding(input: w, kernel: block.shape.kernel, stride: block.shape.stride).output
        }
        return total + head.flops(pixels: h * w)
    }
}
