import Imaging
import LinearAlgebra

/// The stem: a 3×3 stride-2 convolution from the 3 image planes to 32 channels, batch norm folded, ReLU6.
///
/// Written as im2col + GEMM: with only 27 inputs per output pixel, gathering
/// patches into a pixels × 27 matrix and multiplying is simpler and as fast as
/// a direct loop, and it reads the planar preprocessed image as it is.
struct StemConv: Sendable {
    static let kernel = 3
    static let stride = 2
    let inputs: Int
    let conv: PointwiseConv

    /// Loads `_conv_stem.weight` (outputs × inputs × 3 × 3) and folds `_bn0`.
    init(_ checkpoint: TorchCheckpoint, inputs: Int, outputs: Int) throws(FeaturesError) {
        let k = Self.kernel
        let w = try checkpoint.floats("_conv_stem.weight", shape: [outputs, inputs, k, k])
        let norm = try BatchNorm(checkpoint, prefix: "_bn0", channels: outputs)
        let patch = inputs * k * k
        var t = [Float](repeating: 0, count: patch * outputs)
        for o in 0..<outputs {
            for i in 0..<patch { t[i * outputs + o] = w[o * patch + i] * norm.scale[o] }
        }
        self.inputs = inputs
        conv = PointwiseConv(weights: Matrix(rows: patch, columns: outputs, elements: t), bias: norm.bias, activation: true)
    }

    func flops(outputPixels: Int) -> Double { conv.flops(pixels: outputPixels) }

    /// - Complexity: O(output pixels × 27 × outputs).
    func callAsFunction(_ image: PlanarImage) -> FeatureMap {
        precondition(image.channels == inputs, "stem expects \(inputs) planes, got \(image.channels)")
        let k = Self.kernel
        let rows = SamePadding(input: image.height, kernel: k, stride: Self.stride)
        let cols = SamePadding(input: image.width, kernel: k, stride: Self.stride)
        let patch = inputs * k * k
        let (h, w) = (image.height, image.width)
        var columns = [Float](repeating: 0, count: rows.output * cols.output * patch)
        image.values.withUnsafeBufferPointer { src in
            columns.withUnsafeMutableBufferPointer { dst in
                for oy in 0..<rows.output {
                    for ox in 0..<cols.output {
                        let p = (oy * cols.output + ox) * patch
                        // Patch order (plane, ky, kx) matches PyTorch's weight layout.
                        for c in 0..<inputs {
                            for ky in 0..<k {
                                let iy = oy * Self.stride - rows.before + ky
                                guard iy >= 0 && iy < h else { continue }
                                for kx in 0..<k {
                                    let ix = ox * Self.stride - cols.before + kx
                                    if ix >= 0 && ix < w { dst[p + (c * k + ky) * k + kx] = src[(c * h + iy) * w + ix] }
                                }
                            }
                        }
                    }
                }
            }
        }
        let patches = FeatureMap(height: rows.output, width: cols.output, channels: patch, values: columns)
        return conv(patches)
    }
}
