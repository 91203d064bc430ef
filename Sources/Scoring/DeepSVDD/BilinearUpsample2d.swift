import LinearAlgebra

/// ×2 bilinear up-sampling of N×C×H×W, matching PyTorch's `interpolate(scale_factor: 2, mode: "bilinear",
/// align_corners: false)`.
///
/// Output pixel o samples the input at (o + ½)/2 − ½, clamped below at 0, so
/// borders repeat the edge pixel.
struct BilinearUpsample2d: Sendable, Hashable {
    /// The two input indices and the weight of the second, for each output coordinate along one axis.
    private static func taps(input: Int) -> [(Int, Int, Float)] {
        (0..<(2 * input)).map { o in
            let source = max(0, (Float(o) + 0.5) / 2 - 0.5)
            let lower = min(Int(source), input - 1)
            let upper = min(lower + 1, input - 1)
            return (lower, upper, source - Float(lower))
        }
    }

    /// - Complexity: O(output size).
    func forward(_ x: Tensor) -> Tensor {
        precondition(x.shape.count == 4, "BilinearUpsample2d expects N×C×H×W, got \(x.shape)")
        let (planes, h, w) = (x.shape[0] * x.shape[1], x.shape[2], x.shape[3])
        let (rows, cols) = (Self.taps(input: h), Self.taps(input: w))
        var y = [Float](repeating: 0, count: planes * 4 * h * w)
        x.values.withUnsafeBufferPointer { xp in
            y.withUnsafeMutableBufferPointer { yp in
                Parallel.forEach(iterations: planes, elements: yp.count) { p in
                    let plane = p * h * w
                    for (oy, (y0, y1, ly)) in rows.enumerated() {
                        let out = (p * 2 * h + oy) * 2 * w
                        for (ox, (x0, x1, lx)) in cols.enumerated() {
                            let top = (1 - lx) * xp[plane + y0 * w + x0] + lx * xp[plane + y0 * w + x1]
                            let bottom = (1 - lx) * xp[plane + y1 * w + x0] + lx * xp[plane + y1 * w + x1]
                            yp[out + ox] = (1 - ly) * top + ly * bottom
                        }
                    }
                }
            }
        }
        return Tensor(shape: [x.shape[0], x.shape[1], 2 * h, 2 * w], values: y)
    }

    /// The adjoint of `forward`: each output gradient is spread back with the same four weights.
    /// - Complexity: O(output size).
    func backward(_ dy: Tensor, inputShape: [Int]) -> Tensor {
        let (planes, h, w) = (inputShape[0] * inputShape[1], inputShape[2], inputShape[3])
        let (rows, cols) = (Self.taps(input: h), Self.taps(input: w))
        var dx = [Float](repeating: 0, count: planes * h * w)
        dy.values.withUnsafeBufferPointer { gp in
            dx.withUnsafeMutableBufferPointer { dp in
                Parallel.forEach(iterations: planes, elements: gp.count) { p in
                    let plane = p * h * w
                    for (oy, (y0, y1, ly)) in rows.enumerated() {
                        let out = (p * 2 * h + oy) * 2 * w
                        for (ox, (x0, x1, lx)) in cols.enumerated() {
                            let g = gp[out + ox]
                            dp[plane + y0 * w + x0] += (1 - ly) * (1 - lx) * g
                            dp[plane + y0 * w + x1] += (1 - ly) * lx * g
                            dp[plane + y1 * w + x0] += ly * (1 - lx) * g
                            dp[plane + y1 * w + x1] += ly * lx * g
                        }
                    }
                }
            }
        }
        return Tensor(shape: inputShape, values: dx)
    }
}
