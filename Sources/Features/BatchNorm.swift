/// A batch norm's inference statistics, for folding into the convolution before it.
///
/// y = (x − mean) / √(var + ε) · weight + bias with ε = 1e-3 (the TensorFlow
/// default these weights were trained with) is an affine map per channel, so
/// it becomes a scale on that channel's filter plus a bias.
struct BatchNorm: Sendable {
    /// Multiplies output channel c's filter.
    let scale: [Float]
    /// Added to output channel c.
    let bias: [Float]

    static let epsilon = 1e-3

    /// Reads `<prefix>.{weight,bias,running_mean,running_var}`.
    /// - Throws: ``FeaturesError/missingTensor(source:key:)`` or ``FeaturesError/badTensor(source:key:expected:found:)``.
    init(_ checkpoint: TorchCheckpoint, prefix: String, channels: Int) throws(FeaturesError) {
        let weight = try checkpoint.floats(prefix + ".weight", shape: [channels])
        let beta = try checkpoint.floats(prefix + ".bias", shape: [channels])
        let mean = try checkpoint.floats(prefix + ".running_mean", shape: [channels])
        let variance = try checkpoint.floats(prefix + ".running_var", shape: [channels])
        var scale = [Float](repeating: 0, count: channels)
        var bias = [Float](repeating: 0, count: channels)
        for c in 0..<channels {
            // Double keeps the fold itself from adding rounding error.
            let s = Double(weight[c]) / (Double(variance[c]) + Self.epsilon).squareRoot()
            scale[c] = Float(s)
            bias[c] = Float(Double(beta[c]) - Double(mean[c]) * s)
        }
        self.scale = scale
        self.bias = bias
    }
}
