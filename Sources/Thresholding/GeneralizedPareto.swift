import Foundation

/// The generalised Pareto distribution of excesses over a high threshold.
///
/// By the Pickands–Balkema–de Haan theorem, the excesses Y = X − t of almost
/// any continuous score over a high threshold t are close to GPD(γ, σ):
/// F(y) = 1 − (1 + γy/σ)^(−1/γ) for y ≥ 0, and 1 − e^(−y/σ) when γ = 0.
/// γ > 0 is a heavy (Pareto-like) tail, γ = 0 an exponential one, and γ < 0 a
/// tail that ends at −σ/γ. Shapes with |γ| < 1e-12 are treated as exactly 0,
/// because σ/γ·(…) then only adds rounding noise to the exponential formula.
///
/// The initialiser does not validate: a scale that is not positive gives NaN
/// probabilities and a log-likelihood of −∞, never a crash.
public struct GeneralizedPareto: Sendable, Hashable {
    /// The shape γ (the extreme value index).
    public var shape: Double
    /// The scale σ, > 0.
    public var scale: Double

    /// Creates GPD(γ = `shape`, σ = `scale`).
    public init(shape: Double, scale: Double) {
        self.shape = shape
        self.scale = scale
    }

    /// Shapes this close to 0 use the exponential formulas.
    static let exponentialShapeTolerance = 1e-12

    /// Whether the formulas for γ = 0 apply.
    var isExponential: Bool { abs(shape) < Self.exponentialShapeTolerance }

    /// The largest possible excess: −σ/γ for γ < 0, +∞ otherwise.
    public var upperEndpoint: Double {
        shape < 0 && !isExponential ? -scale / shape : .infinity
    }

    /// P(Y ≤ y).
    ///
    /// - Complexity: O(1).
    public func cdf(_ y: Double) -> Double {
        guard scale > 0 else { return .nan }
        if y.isNaN { return .nan }
        if y <= 0 { return 0 }
        if y >= upperEndpoint { return 1 }
        // −expm1 keeps tiny probabilities accurate where 1 − exp would round to 0.
        return -expm1(-cumulativeHazard(y))
    }

    /// P(Y > y) = 1 − F(y), accurate far into the tail.
    ///
    /// - Complexity: O(1).
    public func survival(_ y: Double) -> Double {
        guard scale > 0 else { return .nan }
        if y.isNaN { return .nan }
        if y <= 0 { return 1 }
        if y >= upperEndpoint { return 0 }
        return exp(-cumulativeHazard(y))
    }

    /// −ln P(Y > y) for 0 < y < upper endpoint.
    private func cumulativeHazard(_ y: Double) -> Double {
        if isExponential { return y / scale }
        return log1p(shape * y / scale) / shape
    }

    /// The excess y with P(Y ≤ y) = `p`; the inverse of ``cdf(_:)``.
    ///
    /// - Parameter p: a probability in [0, 1]; others give NaN.
    /// - Returns: 0 at p = 0 and the upper endpoint at p = 1.
    /// - Complexity: O(1).
    public func quantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        // log1p(−p) keeps small p accurate; quantile(survival:) does the rest.
        return quantile(logSurvival: log1p(-p))
    }

    /// The excess y with P(Y > y) = `q`, accurate for tiny tail probabilities.
    ///
    /// This is the EVT extrapolation σ/γ·(q^(−γ) − 1), or −σ ln q when γ = 0.
    /// - Parameter q: a tail probability in [0, 1]; others give NaN.
    /// - Complexity: O(1).
    public func quantile(survival q: Double) -> Double {
        guard q >= 0, q <= 1 else { return .nan }
        return quantile(logSurvival: log(q))
    }

    private func quantile(logSurvival logQ: Double) -> Double {
        guard scale > 0, !logQ.isNaN else { return .nan }
        if isExponential { return -scale * logQ }
        // expm1 keeps the formula smooth as γ → 0 instead of dividing noise by γ.
        return scale / shape * expm1(-shape * logQ)
    }

    /// The log-likelihood Σ ln f(yᵢ) of `excesses` under this distribution.
    ///
    /// - Returns: −∞ when an excess is negative, beyond the upper endpoint, or
    ///   the scale is not positive; NaN when an excess is NaN.
    /// - Complexity: O(n).
    public func logLikelihood(of excesses: [Double]) -> Double {
        guard scale > 0 else { return -.infinity }
        let n = Double(excesses.count)
        if isExponential {
            var sum = 0.0
            for y in excesses {
                if y.isNaN { return .nan }
                if y < 0 { return -.infinity }
                sum += y
            }
            return -n * log(scale) - sum / scale
        }
        var sum = 0.0
        for y in excesses {
            if y.isNaN { return .nan }
            if y < 0 { return -.infinity }
            let z = shape * y / scale
            if z <= -1 { return -.infinity }
            sum += log1p(z)
        }
        return -n * log(scale) - (1 + 1 / shape) * sum
    }
}

/// A maximum-likelihood GPD fit with its asymptotic uncertainty.
public struct GeneralizedParetoFit: Sendable, Hashable {
    /// The fitted distribution (γ̂, σ̂).
    public var distribution: GeneralizedPareto
    /// The number of excesses fitted.
    public var count: Int
    /// The log-likelihood of the excesses at the fit.
    public var logLikelihood: Double
    /// Asymptotic standard error of γ̂, √((1+γ)²/n); nil when γ̂ ≤ −½, where the
    /// Fisher information is not finite and the MLE is not asymptotically normal.
    public var shapeStandardError: Double?
    /// Asymptotic standard error of σ̂, √(2σ²(1+γ)/n); nil when γ̂ ≤ −½.
    public var scaleStandardError: Double?
    /// Asymptotic covariance of (γ̂, σ̂), −σ(1+γ)/n; nil when γ̂ ≤ −½.
    public var shapeScaleCovariance: Double?

    /// z₀.₉₇₅ for the two-sided 95 % Wald interval.
    static let waldQuantile95 = 1.959_963_984_540_054

    /// Creates a fit and derives the standard errors from the inverse Fisher information.
    public init(distribution: GeneralizedPareto, count: Int, logLikelihood: Double) {
        self.distribution = distribution
        self.count = count
        self.logLikelihood = logLikelihood
        let gamma = distribution.shape
        let sigma = distribution.scale
        if gamma > -0.5, count > 0, gamma.isFinite, sigma.isFinite {
            let n = Double(count)
            shapeStandardError = ((1 + gamma) * (1 + gamma) / n).squareRoot()
            // σ outside the root: σ² overflows for σ above 1e154.
            scaleStandardError = sigma * (2 * (1 + gamma) / n).squareRoot()
            shapeScaleCovariance = -sigma * (1 + gamma) / n
        } else {
            shapeStandardError = nil
            scaleStandardError = nil
            shapeScaleCovariance = nil
        }
    }

    /// The 95 % Wald interval γ̂ ± 1.96·SE(γ̂); nil when the standard error is.
    public var shapeInterval95: ClosedRange<Double>? {
        shapeStandardError.map { se in
            let h = Self.waldQuantile95 * se
            return (distribution.shape - h)...(distribution.shape + h)
        }
    }

    /// The 95 % Wald interval σ̂ ± 1.96·SE(σ̂); nil when the standard error is.
    public var scaleInterval95: ClosedRange<Double>? {
        scaleStandardError.map { se in
            let h = Self.waldQuantile95 * se
            return (distribution.scale - h)...(distribution.scale + h)
        }
    }
}
