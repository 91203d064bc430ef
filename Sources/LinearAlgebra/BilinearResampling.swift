/// Bilinear resampling of a row-major grid, as torch's `F.interpolate(mode="bilinear", align_corners=False)`
/// does with no antialiasing. PatchCore enlarges both feature maps and patch distance maps so,
/// and the two must agree with torch to the bit, so they share this one implementation.
///
/// Output index o reads the input at s = max((o + ½)·in/out − ½, 0), between ⌊s⌋ and
/// min(⌊s⌋ + 1, in − 1), so the borders repeat the edge value.
public enum BilinearResampling {
    /// Writes `source` (`height × width` cells of `channels` interleaved values) resampled to
    /// `outputHeight × outputWidth` cells into `output`.
    /// - Precondition: all sizes are positive; the buffers hold their sizes' values.
    /// - Complexity: O(outputHeight × outputWidth × channels).
    public static func resample(_ source: UnsafeBufferPointer<Float>, height: Int, width: Int, channels: Int,
                                into output: UnsafeMutableBufferPointer<Float>, height outputHeight: Int, width outputWidth: Int) {
        precondition(source.count >= height * width * channels && output.count >= outputHeight * outputWidth * channels,
                     "buffers smaller than their grids")
        let rows = BilinearTaps(input: height, output: outputHeight)
        let cols = BilinearTaps(input: width, output: outputWidth)
        let c = channels
        for oy in 0..<outputHeight {
            let (y0, y1, ly) = (rows.lower[oy], rows.upper[oy], rows.weight[oy])
            for ox in 0..<outputWidth {
                let (x0, x1, lx) = (cols.lower[ox], cols.upper[ox], cols.weight[ox])
                let (a, b) = ((y0 * width + x0) * c, (y0 * width + x1) * c)
                let (d, e) = ((y1 * width + x0) * c, (y1 * width + x1) * c)
                let target = (oy * outputWidth + ox) * c
                for k in 0..<c {
                    let top = (1 - lx) * source[a + k] + lx * source[b + k]
                    let bottom = (1 - lx) * source[d + k] + lx * source[e + k]
                    output[target + k] = (1 - ly) * top + ly * bottom
                }
            }
        }
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
