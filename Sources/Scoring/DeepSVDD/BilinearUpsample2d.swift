import LinearAlgebra

/// ×2 bilinear up-sampling of N×C×H×W, matching PyTorch's `interpolate(scale_factor: 2, mode: "bilinear",
/// align_corners: false)`.
///
/// Output pixel o samples the input at (o + ½)/2 − ½, clamped below at 0, so
/// borders repeat the edge pixel.
struct BilinearUpsample2d: Sendable, Hashable {
    /// Where one output coordinate samples along an axis: two neighbouring input indices and the weight of the second.
    private struct Tap {
        let lower: Int
        let upper: Int
        let weight: Float
    }

    /// The taps of the 2·`input` output coordinates along one axis.
    private static func taps(input: Int) -> [Tap] {
        (0..<(2 * input)).map { o in
            let source = max(0, (Float(o) + 0.5) / 2 - 0.5)
            let lower = min(Int(source), input - 1)
            return Tap(lower: lower, upper: min(lower + 1, input - 1), weight: source - Float(lower))
        }
    }

    /// Calls `body(plane, output, row, column)` for every output pixel of an N×C×`h`×`w` input: `plane` is
    /// where its input plane starts, `output` its index in the output, `row` and `column` its taps.
    /// Planes run in parallel; each writes only its own plane.
    @inline(__always)
    private static func forEachOutputPixel(planes: Int, h: Int, w: Int, _ body: (Int, Int, Tap, Tap) -> Void) {
        let (rows, cols) = (taps(input: h), taps(input: w))
        Parallel.forEach(iterations: planes, elements: planes * 4 * h * w) { p in
            for (oy, row) in rows.enumerated() {
                let out = (p * 2 * h + oy) * 2 * w
                for (ox, column) in cols.enumerated() { body(p * h * w, out + ox, row, column) }
            }
        }
    }

    /// - Complexity: O(output size).
    func forward(_ x: Tensor) -> Tensor {
        precondition(x.shape.count == 4, "BilinearUpsample2d expects N×C×H×W, got \(x.shape)")
        let (planes, h, w) = (x.shape[0] * x.shape[1], x.shape[2], x.shape[3])
        var y = [Float](repeating: 0, count: planes * 4 * h * w)
        x.values.withUnsafeBufferPointer { xp in
            y.withUnsafeMutableBufferPointer { yp in
                Self.forEachOutputPixel(planes: planes, h: h, w: w) { plane, out, row, column in
                    let (top, bottom) = (plane + row.lower * w, plane + row.upper * w)
                    let upper = (1 - column.weight) * xp[top + column.lower] + column.weight * xp[top + column.upper]
                    let lower = (1 - column.weight) * xp[bottom + column.lower] + column.weight * xp[bottom + column.upper]
                    yp[out] = (1 - row.weight) * upper + row.weight * lower
                }
            }
        }
        return Tensor(shape: [x.shape[0], x.shape[1], 2 * h, 2 * w], values: y)
    }

    /// The adjoint of `forward`: each output gradient is spread back with the same four weights.
    /// - Complexity: O(output size).
    func backward(_ dy: Tensor, inputShape: [Int]) -> Tensor {
        let (planes, h, w) = (inputShape[0] * inputShape[1], inputShape[2], inputShape[3])
        var dx = [Float](repeating: 0, count: planes * h * w)
        dy.values.withUnsafeBufferPointer { gp in
            dx.withUnsafeMutableBufferPointer { dp in
                Self.forEachOutputPixel(planes: planes, h: h, w: w) { plane, out, row, column in
                    let g = gp[out]
                    let (top, bottom) = (plane + row.lower * w, plane + row.upper * w)
                    dp[top + column.lower] += (1 - row.weight) * (1 - column.weight) * g
                    dp[top + column.upper] += (1 - row.weight) * column.weight * g
                    dp[bottom + column.lower] += row.weight * (1 - column.weight) * g
                    dp[bottom + column.upper] += row.weight * column.weight * g
                }
            }
        }
        return Tensor(shape: inputShape, values: dx)
    }
}
