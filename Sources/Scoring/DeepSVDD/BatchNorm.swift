import LinearAlgebra

/// Batch normalisation without affine parameters, over features (N×C) or channels (N×C×H×W).
///
/// Training mode normalises each channel with the batch's mean and biased
/// variance and updates the running statistics with momentum 0.1, storing the
/// unbiased variance, exactly as PyTorch's `BatchNorm1d/2d(affine: false)`.
/// Inference mode normalises with the running statistics. Deep SVDD uses no
/// affine parameters because a learnable shift is a bias, which would let the
/// network map everything onto the centre (Ruff et al., 2018, Prop. 2).
struct BatchNorm: Sendable, Hashable {
    let channels: Int
    /// Added to the variance before the square root (1e-4 in Ruff's code).
    let epsilon: Float
    /// Weight of the newest batch in the running statistics.
    let momentum: Float
    var runningMean: [Float]
    var runningVariance: [Float]

    init(channels: Int, epsilon: Float = 1e-4, momentum: Float = 0.1) {
        self.channels = channels
        self.epsilon = epsilon
        self.momentum = momentum
        runningMean = Array(repeating: 0, count: channels)
        runningVariance = Array(repeating: 1, count: channels)
    }

    /// What the backward pass needs: the normalised input and each channel's 1/σ.
    struct Cache: Sendable {
        let normalized: Tensor
        let inverseDeviation: [Float]
        let mode: ForwardMode
    }

    /// Elements per channel per sample (H·W, or 1 for feature vectors).
    private func spatialSize(_ shape: [Int]) -> Int {
        precondition(shape.count >= 2 && shape[1] == channels, "BatchNorm expects N×\(channels)×…, got \(shape)")
        return shape.dropFirst(2).reduce(1, *)
    }

    /// Normalises `x`; in training mode also updates the running statistics.
    ///
    /// Sums are taken in `Double` so that a channel of 16·128·128 values keeps its precision.
    /// - Precondition: in training mode each channel needs at least two values.
    /// - Complexity: O(x.values.count).
    mutating func forward(_ x: Tensor, mode: ForwardMode) -> (Tensor, Cache) {
        let s = spatialSize(x.shape)
        let n = x.shape[0]
        let perChannel = n * s
        var mean = [Double](repeating: 0, count: channels)
        var variance = [Double](repeating: 0, count: channels)
        switch mode {
        case .training:
            precondition(perChannel > 1, "batch normalisation needs more than one value per channel when training")
            x.values.withUnsafeBufferPointer { xp in
                mean.withUnsafeMutableBufferPointer { meanOut in
                    variance.withUnsafeMutableBufferPointer { varianceOut in
                        Parallel.forEach(iterations: channels, elements: xp.count) { c in
                            var sum = 0.0
                            for i in 0..<n { for j in 0..<s { sum += Double(xp[(i * channels + c) * s + j]) } }
                            let mu = sum / Double(perChannel)
                            var squares = 0.0
                            for i in 0..<n {
                                for j in 0..<s {
                                    let d = Double(xp[(i * channels + c) * s + j]) - mu
                                    squares += d * d
                                }
                            }
                            meanOut[c] = mu
                            varianceOut[c] = squares / Double(perChannel)
                        }
                    }
                }
            }
            let unbiased = Double(perChannel) / Double(perChannel - 1)
            for c in 0..<channels {
                runningMean[c] = (1 - momentum) * runningMean[c] + momentum * Float(mean[c])
                runningVariance[c] = (1 - momentum) * runningVariance[c] + momentum * Float(variance[c] * unbiased)
            }
        case .inference:
            for c in 0..<channels {
                mean[c] = Double(runningMean[c])
                variance[c] = Double(runningVariance[c])
            }
        }
        let inverse = (0..<channels).map { Float(1 / (variance[$0] + Double(epsilon)).squareRoot()) }
        let shift = mean.map { Float($0) }
        var y = x.values
        y.withUnsafeMutableBufferPointer { yp in
            Parallel.forEach(iterations: n * channels, elements: yp.count) { plane in
                let c = plane % channels
                let base = plane * s
                let (m, r) = (shift[c], inverse[c])
                for j in 0..<s { yp[base + j] = (yp[base + j] - m) * r }
            }
        }
        let out = Tensor(shape: x.shape, values: y)
        return (out, Cache(normalized: out, inverseDeviation: inverse, mode: mode))
    }

    /// The input gradient: with x̂ the normalised input, dx = (dy − mean(dy) − x̂·mean(dy·x̂)) / σ in
    /// training mode (the batch statistics depend on x), and dy / σ in inference mode.
    /// - Complexity: O(dy.values.count).
    func backward(_ dy: Tensor, cache: Cache) -> Tensor {
        let s = spatialSize(dy.shape)
        let n = dy.shape[0]
        let count = Double(n * s)
        var dx = dy.values
        dy.values.withUnsafeBufferPointer { gp in
            cache.normalized.values.withUnsafeBufferPointer { hp in
                dx.withUnsafeMutableBufferPointer { dp in
                    Parallel.forEach(iterations: channels, elements: dp.count) { c in
                        let r = cache.inverseDeviation[c]
                        var meanGradient: Float = 0, meanProduct: Float = 0
                        if cache.mode == .training {
                            var sg = 0.0, sgh = 0.0
                            for i in 0..<n {
                                let base = (i * channels + c) * s
                                for j in 0..<s {
                                    sg += Double(gp[base + j])
                                    sgh += Double(gp[base + j]) * Double(hp[base + j])
                                }
                            }
                            meanGradient = Float(sg / count)
                            meanProduct = Float(sgh / count)
                        }
                        for i in 0..<n {
                            let base = (i * channels + c) * s
                            for j in 0..<s {
                                dp[base + j] = (gp[base + j] - meanGradient - hp[base + j] * meanProduct) * r
                            }
                        }
                    }
                }
            }
        }
        return Tensor(shape: dy.shape, values: dx)
    }
}
