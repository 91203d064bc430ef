/// The 1-D resampling table for one axis: for each output index, a run of
/// consecutive input indices and their weights.
///
/// Built once per axis and reused for every row or column, so the inner
/// loops are plain multiply-adds.
struct ResampleWeights: Sendable {
    /// The longest run; `weights` has this stride per output index.
    let stride: Int
    /// First input index of each output's run.
    let starts: [Int]
    /// Length of each output's run.
    let counts: [Int]
    /// `weights[o * stride + k]` weighs input `starts[o] + k`.
    let weights: [Float]

    /// - Complexity: O(output × taps).
    init(input: Int, output: Int, filter: ResizeFilter) {
        precondition(input > 0 && output > 0, "sizes must be positive")
        switch filter {
        case .bilinear: self = Self.bilinear(input: input, output: output)
        case .antialiasedBilinear: self = Self.antialiased(input: input, output: output)
        }
    }

    private init(stride: Int, starts: [Int], counts: [Int], weights: [Float]) {
        self.stride = stride
        self.starts = starts
        self.counts = counts
        self.weights = weights
    }

    /// torch's `upsample_bilinear2d`, `align_corners=False`: source = max(scale·(i + 0.5) − 0.5, 0).
    private static func bilinear(input: Int, output: Int) -> ResampleWeights {
        let scale = Double(input) / Double(output)
        var starts = [Int](repeating: 0, count: output)
        var counts = [Int](repeating: 1, count: output)
        var weights = [Float](repeating: 0, count: output * 2)
        for o in 0..<output {
            let source = max(scale * (Double(o) + 0.5) - 0.5, 0)
            let i0 = min(Int(source), input - 1)
            let lambda = source - Double(i0)
            starts[o] = i0
            if i0 < input - 1 {
                counts[o] = 2
                weights[o * 2] = Float(1 - lambda)
                weights[o * 2 + 1] = Float(lambda)
            } else {
                weights[o * 2] = 1
            }
        }
        return ResampleWeights(stride: 2, starts: starts, counts: counts, weights: weights)
    }

    /// REFERENCE §7: support = max(scale, 1), centre = (i + 0.5)·scale,
    /// inputs ⌊centre − support + 0.5⌋ … ⌊centre + support + 0.5⌋ − 1 clipped to the image,
    /// w(x) = max(0, 1 − |(x − centre + 0.5) / support|), normalised to sum 1.
    private static func antialiased(input: Int, output: Int) -> ResampleWeights {
        let scale = Double(input) / Double(output)
        let support = max(scale, 1)
        let stride = Int(support.rounded(.up)) * 2 + 1
        var starts = [Int](repeating: 0, count: output)
        var counts = [Int](repeating: 0, count: output)
        var weights = [Float](repeating: 0, count: output * stride)
        var w = [Double](repeating: 0, count: stride)
        for o in 0..<output {
            let centre = (Double(o) + 0.5) * scale
            let lo = max(Int((centre - support + 0.5).rounded(.down)), 0)
            let hi = min(Int((centre + support + 0.5).rounded(.down)), input)
            let n = min(max(hi - lo, 0), stride)
            var total = 0.0
            for k in 0..<n {
                let t = (Double(lo + k) - centre + 0.5) / support
                w[k] = max(0, 1 - abs(t))
                total += w[k]
            }
            starts[o] = lo
            counts[o] = n
            // Guards a zero total, which the window construction cannot produce but costs nothing to rule out.
            let inverse = total > 0 ? 1 / total : 0
            for k in 0..<n { weights[o * stride + k] = Float(w[k] * inverse) }
        }
        return ResampleWeights(stride: stride, starts: starts, counts: counts, weights: weights)
    }
}
