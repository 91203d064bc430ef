import LinearAlgebra

/// 2×2 max-pooling with stride 2 over N×C×H×W; odd trailing rows and columns are dropped, as in PyTorch.
struct MaxPool2d: Sendable, Hashable {
    /// What the backward pass needs: where each maximum came from.
    struct Cache: Sendable {
        let inputShape: [Int]
        /// For each output element, the flat index of its maximum in the input.
        let argmax: [Int32]
    }

    /// The maximum of each 2×2 window; ties go to the first in row-major order, as in PyTorch.
    /// - Complexity: O(n).
    func forward(_ x: Tensor) -> (Tensor, Cache) {
        precondition(x.shape.count == 4, "MaxPool2d expects N×C×H×W, got \(x.shape)")
        let (planes, h, w) = (x.shape[0] * x.shape[1], x.shape[2], x.shape[3])
        let (oh, ow) = (h / 2, w / 2)
        var y = [Float](repeating: 0, count: planes * oh * ow)
        var argmax = [Int32](repeating: 0, count: y.count)
        x.values.withUnsafeBufferPointer { xp in
            y.withUnsafeMutableBufferPointer { yp in
                argmax.withUnsafeMutableBufferPointer { ap in
                    Parallel.forEach(iterations: planes, elements: xp.count) { p in
                        for oy in 0..<oh {
                            for ox in 0..<ow {
                                let top = p * h * w + 2 * oy * w + 2 * ox
                                var best = top
                                if xp[top + 1] > xp[best] { best = top + 1 }
                                if xp[top + w] > xp[best] { best = top + w }
                                if xp[top + w + 1] > xp[best] { best = top + w + 1 }
                                let o = (p * oh + oy) * ow + ox
                                yp[o] = xp[best]
                                ap[o] = Int32(best)
                            }
                        }
                    }
                }
            }
        }
        return (Tensor(shape: [x.shape[0], x.shape[1], oh, ow], values: y), Cache(inputShape: x.shape, argmax: argmax))
    }

    /// Routes each output gradient to the input element that was the maximum.
    /// - Complexity: O(n).
    func backward(_ dy: Tensor, cache: Cache) -> Tensor {
        var dx = [Float](repeating: 0, count: cache.inputShape.reduce(1, *))
        let planes = cache.inputShape[0] * cache.inputShape[1]
        let perPlane = dy.values.count / max(1, planes)
        // Every output of plane p pools from plane p, so planes can be filled in parallel.
        dy.values.withUnsafeBufferPointer { gp in
            cache.argmax.withUnsafeBufferPointer { ap in
                dx.withUnsafeMutableBufferPointer { dp in
                    Parallel.forEach(iterations: planes, elements: dp.count) { p in
                        for o in (p * perPlane)..<((p + 1) * perPlane) { dp[Int(ap[o])] += gp[o] }
                    }
                }
            }
        }
        return Tensor(shape: cache.inputShape, values: dx)
    }
}
