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
        let rows = ResizeTaps(input: gridHeight, output: height)
        let cols = ResizeTaps(input: gridWidth, output: width)
        var values = [Float](repeating: 0, count: width * height)
        for y in 0..<height {
            let (y0, y1, ly) = (rows.lower[y], rows.upper[y], rows.weight[y])
            for x in 0..<width {
                let (x0, x1, lx) = (cols.lower[x], cols.upper[x], cols.weight[x])
                let top = (1 - lx) * patches[y0 * gridWidth + x0] + lx * patches[y0 * gridWidth + x1]
                let bottom = (1 - lx) * patches[y1 * gridWidth + x0] + lx * patches[y1 * gridWidth + x1]
                values[y * width + x] = (1 - ly) * top + ly * bottom
            }
        }
        let scaled = sigma * Double(min(width, height)) / 256
        if scaled > 0 { values = GaussianBlur(sigma: scaled).apply(values, width: width, height: height) }
        return AnomalyMap(width: width, height: height, values: values)
    }
}

/// torch's bilinear source positions along one axis, `align_corners=False`: output o reads
/// s = max((o + ½)·in/out − ½, 0) between ⌊s⌋ and min(⌊s⌋ + 1, in − 1).
struct ResizeTaps: Sendable {
    let lower: [Int]
    let upper: [Int]
    let weight: [Float]

    /// - Complexity: O(output).
    init(input: Int, output: Int) {
        let scale = Double(input) / Double(output)
        var lower = [Int](repeating: 0, count: output), upper = lower
        var weight = [Float](repeating: 0, count: output)
        for o in 0..<output {
            let source = max(scale * (Double(o) + 0.5) - 0.5, 0)
            let i0 = min(Int(source), input - 1)
            lower[o] = i0
            upper[o] = min(i0 + 1, input - 1)
            weight[o] = Float(source - Double(i0))
        }
        self.lower = lower
        self.upper = upper
        self.weight = weight
    }
}
