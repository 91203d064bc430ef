import Imaging

extension EfficientNetLite0 {
    /// The activations at `layers` for one preprocessed image, in the order asked.
    ///
    /// Only the layers up to the deepest one asked for are computed: `[.stage3, .stage5]`
    /// runs the stem and 11 of the 16 blocks, skipping stages 6–7 and the head (about 60%
    /// of the arithmetic of the pooled features at 256 × 256).
    /// - Parameters:
    ///   - image: 3 planes of at least 1 × 1, such as ``PatchPreprocessing`` makes.
    ///   - layers: any taps, repeats allowed; empty gives an empty result without running anything.
    /// - Complexity: O(height × width) times the cost of the network up to the deepest layer.
    public func featureMaps(preprocessed image: PlanarImage, layers: [EfficientNetLayer]) -> [FeatureMap] {
        guard let deepest = layers.map(\.blocksBefore).max() else { return [] }
        var taken: [EfficientNetLayer: FeatureMap] = [:]
        let wanted = Set(layers)
        var x = stem(image)
        if wanted.contains(.stem) { taken[.stem] = x }
        for (i, block) in blocks.prefix(deepest).enumerated() {
            x = block(x)
            for layer in wanted where layer != .head && layer != .stem && layer.blocksBefore == i + 1 { taken[layer] = x }
        }
        if wanted.contains(.head) { taken[.head] = head(x) }
        return layers.map { taken[$0]! }
    }

    /// Floating-point operations (multiply-add = 2) to compute every layer up to `layer` for one
    /// `height` × `width` input.
    /// - Complexity: O(blocks).
    public func flops(height: Int, width: Int, through layer: EfficientNetLayer) -> Double {
        var h = SamePadding(input: height, kernel: 3, stride: 2).output
        var w = SamePadding(input: width, kernel: 3, stride: 2).output
        var total = stem.flops(outputPixels: h * w)
        for block in blocks.prefix(layer.blocksBefore) {
            total += block.flops(height: h, width: w)
            h = SamePadding(input: h, kernel: block.shape.kernel, stride: block.shape.stride).output
            w = SamePadding(input: w, kernel: block.shape.kernel, stride: block.shape.stride).output
        }
        return total + (layer == .head ? head.flops(pixels: h * w) : 0)
    }
}
