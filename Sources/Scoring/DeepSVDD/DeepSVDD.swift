/// A trained Deep SVDD model (Ruff et al., ICML 2018): a network φ, a centre c and, for the
/// soft-boundary objective, a radius R.
///
/// The anomaly score of x is ‖φ(x) − c‖², minus R² for soft-boundary; higher is more
/// anomalous. Train one with `DeepSVDD.train(on:architecture:configuration:progress:)`.
public struct DeepSVDD: Sendable {
    /// The network's shape.
    public let architecture: DeepSVDDArchitecture
    /// The objective it was trained with.
    public let objective: DeepSVDDObjective
    /// The hypersphere centre c, fixed before training.
    public let center: [Float]
    /// The radius R: the (1 − ν) quantile of distances for soft-boundary, 0 for one-class.
    public let radius: Double
    /// The trained encoder φ.
    var network: Sequential

    init(architecture: DeepSVDDArchitecture, objective: DeepSVDDObjective, center: [Float], radius: Double,
         network: Sequential) {
        self.architecture = architecture
        self.objective = objective
        self.center = center
        self.radius = radius
        self.network = network
    }

    /// The anomaly score of every sample: ‖φ(x) − c‖², minus R² for soft-boundary.
    ///
    /// The network runs in inference mode (batch norm uses its running statistics), so a
    /// sample's score does not depend on the others.
    /// - Parameter samples: N samples of the architecture's `sampleShape`.
    /// - Throws: `shapeMismatch` or `nonFiniteValue`.
    /// - Complexity: one inference pass, O(N) network evaluations.
    public func scores(_ samples: Tensor) throws(DeepSVDDError) -> [Double] {
        try Self.validate(samples, architecture: architecture)
        let offset = radius * radius
        return squaredDistances(samples).map { $0 - offset }
    }

    /// The representations φ(x), N×d, in inference mode.
    /// - Throws: `shapeMismatch` or `nonFiniteValue`.
    /// - Complexity: one inference pass.
    public func representations(_ samples: Tensor) throws(DeepSVDDError) -> Tensor {
        try Self.validate(samples, architecture: architecture)
        var values: [Float] = []
        let chunk = architecture.inferenceChunk
        for start in stride(from: 0, to: samples.count, by: chunk) {
            values += network.infer(samples.samples(start..<min(samples.count, start + chunk))).values
        }
        return Tensor(shape: [samples.count, center.count], values: values)
    }

    /// ‖φ(x) − c‖² for every sample of an already validated tensor.
    func squaredDistances(_ samples: Tensor) -> [Double] {
        var result: [Double] = []
        result.reserveCapacity(samples.count)
        let chunk = architecture.inferenceChunk
        for start in stride(from: 0, to: samples.count, by: chunk) {
            let output = network.infer(samples.samples(start..<min(samples.count, start + chunk)))
            result += Self.squaredDistances(output, center: center)
        }
        return result
    }

    /// ‖φᵢ − c‖² for each row of an N×d output, summed in double precision.
    static func squaredDistances(_ output: Tensor, center: [Float]) -> [Double] {
        let d = center.count
        return (0..<output.count).map { i in
            var s = 0.0
            for j in 0..<d {
                let diff = Double(output.values[i * d + j]) - Double(center[j])
                s += diff * diff
            }
            return s
        }
    }

    /// Throws unless `samples` has the architecture's sample shape and only finite values.
    static func validate(_ samples: Tensor, architecture: DeepSVDDArchitecture) throws(DeepSVDDError) {
        let expected = [samples.count] + architecture.sampleShape
        guard samples.shape == expected else { throw .shapeMismatch(expected: expected, actual: samples.shape) }
        if let bad = samples.values.firstIndex(where: { !$0.isFinite }) {
            throw .nonFiniteValue(sample: bad / max(1, samples.sampleSize))
        }
    }
}
