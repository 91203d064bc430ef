/// One inverted-residual block of EfficientNet-Lite: expand 1×1 → depthwise k×k → project 1×1 (+ skip).
///
/// The Lite variant has no squeeze-excitation and uses ReLU6; batch norms are
/// folded into the convolutions at load time (REFERENCE §7).
struct MBConvBlock: Sendable {
    /// The hyper-parameters of one block.
    struct Shape: Sendable, Hashable {
        let inputs: Int
        let outputs: Int
        let kernel: Int
        let stride: Int
        let expansion: Int

        var hidden: Int { inputs * expansion }
        /// The skip connection exists only when the block keeps the size and channel count.
        var hasSkip: Bool { stride == 1 && inputs == outputs }
    }

    let shape: Shape
    let expand: PointwiseConv?
    let depthwise: DepthwiseConv
    let project: PointwiseConv

    /// Loads `_blocks.<index>.*`.
    init(_ checkpoint: TorchCheckpoint, index: Int, shape: Shape) throws(FeaturesError) {
        let p = "_blocks.\(index)."
        self.shape = shape
        expand = shape.expansion == 1 ? nil
            : try PointwiseConv(checkpoint, conv: p + "_expand_conv", bn: p + "_bn0",
                                inputs: shape.inputs, outputs: shape.hidden, activation: true)
        depthwise = try DepthwiseConv(checkpoint, conv: p + "_depthwise_conv", bn: p + "_bn1",
                                      channels: shape.hidden, kernel: shape.kernel, stride: shape.stride)
        project = try PointwiseConv(checkpoint, conv: p + "_project_conv", bn: p + "_bn2",
                                    inputs: shape.hidden, outputs: shape.outputs, activation: false)
    }

    /// Floating-point operations at an input of `height` × `width`.
    func flops(height: Int, width: Int) -> Double {
        let out = SamePadding(input: height, kernel: shape.kernel, stride: shape.stride).output
            * SamePadding(input: width, kernel: shape.kernel, stride: shape.stride).output
        return (expand?.flops(pixels: height * width) ?? 0) + depthwise.flops(pixels: out) + project.flops(pixels: out)
    }

    /// - Complexity: O(pixels × hidden × (inputs + kernel² + outputs)).
    func callAsFunction(_ input: FeatureMap) -> FeatureMap {
        let hidden = expand.map { $0(input) } ?? input
        return project(depthwise(hidden), residual: shape.hasSkip ? input : nil)
    }
}
