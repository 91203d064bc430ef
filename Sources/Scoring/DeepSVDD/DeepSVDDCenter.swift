/// The hypersphere centre c: the mean initial representation, kept away from zero.
enum DeepSVDDCenter {
    /// Applies Ruff's ε rule to a mean representation: coordinates with |cᵢ| < ε move to ±ε
    /// with their sign, and an exact 0 moves to +ε.
    ///
    /// A coordinate near zero is one a bias-free network can match just by shrinking
    /// its weights, the first step towards the collapsed solution φ ≡ c = 0.
    /// - Throws: `degenerateCenter` when every coordinate of the mean is exactly 0.
    /// - Complexity: O(d).
    static func fromMean(_ mean: [Double], epsilon: Float) throws(DeepSVDDError) -> [Float] {
        guard mean.contains(where: { $0 != 0 }) else { throw .degenerateCenter }
        let eps = Double(epsilon)
        return mean.map { value in
            guard abs(value) < eps else { return Float(value) }
            return Float(value < 0 ? -eps : eps)
        }
    }

    /// The mean representation of every sample, evaluated in inference mode as Ruff's code does.
    /// - Complexity: one inference pass over `samples`.
    static func meanRepresentation(of network: Sequential, samples: Tensor, chunk: Int) -> [Double] {
        var sum: [Double] = []
        for start in stride(from: 0, to: samples.count, by: chunk) {
            let output = network.infer(samples.samples(start..<min(samples.count, start + chunk)))
            let d = output.sampleSize
            if sum.isEmpty { sum = Array(repeating: 0, count: d) }
            for i in 0..<output.count { for j in 0..<d { sum[j] += Double(output.values[i * d + j]) } }
        }
        return sum.map { $0 / Double(samples.count) }
    }
}
