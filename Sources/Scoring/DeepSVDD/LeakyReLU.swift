import LinearAlgebra

/// max(x, slope·x) elementwise; slope 0.01 as in PyTorch's `F.leaky_relu` and Ruff's code.
///
/// Unbounded activations keep Deep SVDD away from the trivial solution a
/// bounded activation would allow (Ruff et al., 2018, Prop. 3).
struct LeakyReLU: Sendable, Hashable {
    var slope: Float = 0.01

    /// - Complexity: O(n).
    func forward(_ x: Tensor) -> Tensor {
        var y = x.values
        let slope = slope
        y.withUnsafeMutableBufferPointer { yp in
            let chunks = (yp.count + chunk - 1) / chunk
            Parallel.forEach(iterations: chunks, elements: yp.count) { k in
                // A select rather than a branch, so the loop vectorises.
                for i in (k * chunk)..<min(yp.count, (k + 1) * chunk) { yp[i] = yp[i] > 0 ? yp[i] : slope * yp[i] }
            }
        }
        return Tensor(shape: x.shape, values: y)
    }

    /// Elements per parallel task.
    private var chunk: Int { 1 << 15 }

    /// dy where the layer's output is positive, slope·dy elsewhere (the output's sign is the input's).
    /// - Complexity: O(n).
    func backward(_ dy: Tensor, output y: Tensor) -> Tensor {
        var dx = dy.values
        let slope = slope
        y.values.withUnsafeBufferPointer { yp in
            dx.withUnsafeMutableBufferPointer { dp in
                let chunks = (dp.count + chunk - 1) / chunk
                Parallel.forEach(iterations: chunks, elements: dp.count) { k in
                    for i in (k * chunk)..<min(dp.count, (k + 1) * chunk) { dp[i] = yp[i] > 0 ? dp[i] : slope * dp[i] }
                }
            }
        }
        return Tensor(shape: dy.shape, values: dx)
    }
}
