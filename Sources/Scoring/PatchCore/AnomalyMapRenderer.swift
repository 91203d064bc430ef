import LinearAlgebra

/// Draws a sample's patch distances as a map over its network input: bilinear enlargement, then a blur.
///
/// The enlargement is torch's `F.interpolate(mode="bilinear", align_corners=False)`, as the probe
/// used (anomalib's current `AnomalyMapGenerator` enlarges by nearest neighbour instead). The blur
/// is ``GaussianBlur`` with σ = `sigma` · min(width, height) / 256, so 4 px at 256 px.
struct AnomalyMapRenderer: Sendable {
    /// σ at a 256-pixel side; 0 for no blur.
    let sigma: Double

    /// The map of one grid of patch distances (row-major, `gridHeight` × `gridWidth`) at `height` × `width`.
    /// - Complexity: O(width × height × kernel size).
    func render(_ patches: UnsafeBufferPointer<Float>, gridHeight: Int, gridWidth: Int, height: Int, width: Int) -> AnomalyMap {
        var values = [Float](repeating: 0, count: width * height)
        values.withUnsafeMutableBufferPointer { out in
            BilinearResampling.resample(patches, height: gridHeight, width: gridWidth, channels: 1, into: out, height: height, width: width)
        }
        let scaled = sigma * Double(min(width, height)) / 256
        if scaled > 0 { values = GaussianBlur(sigma: scaled).apply(values, width: width, height: height) }
        return AnomalyMap(width: width, height: height, values: values)
    }
}
