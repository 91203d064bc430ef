extension FeatureMap {
    /// Resamples to `height` × `width` by bilinear interpolation with `align_corners=False`, no antialiasing,
    /// as torch's `F.interpolate(mode="bilinear")` does (anomalib's PatchCore enlarges its deeper layer so).
    ///
    /// Output index o reads the input at s = max((o + ½)·in/out − ½, 0), between ⌊s⌋ and
    /// min(⌊s⌋ + 1, in − 1), so the borders repeat the edge pixel. A side that keeps its size is copied.
    /// - Precondition: both sizes are positive.
    /// - Complexity: O(height × width × channels) of the output.
    public func resizedBilinear(height newHeight: Int, width newWidth: Int) -> FeatureMap {
        precondition(newHeight > 0 && newWidth > 0 && height > 0 && width > 0, "sizes must be positive")
        if newHeight == height && newWidth == width { return self }
        let rows = BilinearTaps(input: height, output: newHeight)
        let cols = BilinearTaps(input: width, output: newWidth)
        let c = channels
        var out = [Float](repeating: 0, count: newHeight * newWidth * c)
        values.withUnsafeBufferPointer { x in
            out.withUnsafeMutableBufferPointer { o in
                for oy in 0..<newHeight {
                    let (y0, y1, ly) = (rows.lower[oy], rows.upper[oy], rows.weight[oy])
                    for ox in 0..<newWidth {
                        let (x0, x1, lx) = (cols.lower[ox], cols.upper[ox], cols.weight[ox])
                        let (a, b) = ((y0 * width + x0) * c, (y0 * width + x1) * c)
                        let (d, e) = ((y1 * width + x0) * c, (y1 * width + x1) * c)
                        let target = (oy * newWidth + ox) * c
                        for k in 0..<c {
                            let top = (1 - lx) * x[a + k] + lx * x[b + k]
                            let bottom = (1 - lx) * x[d + k] + lx * x[e + k]
                            o[target + k] = (1 - ly) * top + ly * bottom
                        }
                    }
                }
            }
        }
        return FeatureMap(height: newHeight, width: newWidth, channels: c, values: out)
    }
}

/// torch's `upsample_bilinear2d` source positions along one axis, `align_corners=False`.
struct BilinearTaps: Sendable {
    /// The two input indices each output index reads, and the weight of the upper one.
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
