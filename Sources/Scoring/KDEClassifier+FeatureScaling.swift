import LinearAlgebra

extension KDEClassifier {
    /// How projected features are scaled before the KDE (anomalib's `FeatureScalingMethod`).
    public enum FeatureScaling: String, Sendable, Hashable, CaseIterable {
        /// Divide every row by the largest row norm of the projected training data.
        case scale
        /// Divide each row by its own norm (rows land on the unit sphere).
        case norm

        /// Parses "scale" or "norm".
        /// - Throws: `ScoringError.invalidConfiguration` naming an unknown method.
        public init(parsing text: String) throws(ScoringError) {
            guard let value = FeatureScaling(rawValue: text) else {
                throw .invalidConfiguration("unknown feature scaling \"\(text)\" (expected scale or norm)")
            }
            self = value
        }
    }

    /// The largest Euclidean row norm.
    static func largestRowNorm(_ x: Matrix<Float>) -> Double {
        (0..<x.rows).reduce(0.0) { max($0, rowNorm(x, $1)) }
    }

    static func rowNorm(_ x: Matrix<Float>, _ i: Int) -> Double {
        var s = 0.0
        for j in 0..<x.columns { s += Double(x[i, j]) * Double(x[i, j]) }
        return s.squareRoot()
    }

    /// Applies the scaling in place. A row of norm zero stays zero under `.norm`, where anomalib would give NaN.
    static func scale(_ x: inout Matrix<Float>, by method: FeatureScaling, maxLength: Double) {
        for i in 0..<x.rows {
            let divisor = method == .scale ? maxLength : rowNorm(x, i)
            guard divisor > 0 else { continue }
            for j in 0..<x.columns { x[i, j] = Float(Double(x[i, j]) / divisor) }
        }
    }
}
