import Foundation

/// The inverse of the regularised incomplete beta function: the x in [0, 1] with I_x(a, b) = p.
///
/// It is the quantile function of a Beta(a, b) variable, which gives exact
/// binomial (Clopper–Pearson) intervals. The starting point is the classical
/// approximation of Numerical Recipes `invbetai` (a Cornish–Fisher normal
/// approximation for a, b ≥ 1, power laws at the ends otherwise); from there a
/// safeguarded Newton iteration keeps a bracket [lo, hi] around the root, and
/// whenever a Newton step leaves the bracket (or the density under- or overflows)
/// it bisects instead, geometrically where the bracket spans orders of magnitude
/// near 0 or near 1, so a root of 1e-300 is reached in a few dozen steps. It stops
/// when a step moves x by less than 1e-15 of min(x, 1 − x), or by less than 1e-12
/// of it without shrinking (the rounding noise of I_x).
///
/// - Parameters:
///   - p: the probability, in [0, 1].
///   - a: the first shape, > 0.
///   - b: the second shape, > 0.
/// - Returns: x with I_x(a, b) = p to about 1e-13 relative (the accuracy of
///   ``regularizedIncompleteBeta(_:a:b:)``); 0 at p = 0 and 1 at p = 1; NaN when
///   p is outside [0, 1] or NaN, or a shape is not positive and finite.
/// - Complexity: O(√max(a, b)) per incomplete-beta evaluation, usually 3–8 of them;
///   at most 500.
public func inverseRegularizedIncompleteBeta(_ p: Double, a: Double, b: Double) -> Double {
    guard p >= 0, p <= 1, a > 0, b > 0, a.isFinite, b.isFinite else { return .nan }
    if p == 0 { return 0 }
    if p == 1 { return 1 }
    let logB = logBeta(a, b)
    var lo = 0.0
    var hi = 1.0
    var x = Swift.min(Swift.max(inverseBetaStart(p, a: a, b: b), Double.leastNonzeroMagnitude), 1 - Double.ulpOfOne / 2)
    var previousStep = Double.infinity
    for _ in 0..<500 {
        let f = regularizedIncompleteBeta(x, a: a, b: b) - p
        if f == 0 { return x }
        if f < 0 { lo = x } else { hi = x }
        // The density of Beta(a, b) in logs, so tiny x or large shapes cannot overflow it.
        let density = exp((a - 1) * log(x) + (b - 1) * log1p(-x) - logB)
        var next = x - f / density
        if !(next > lo && next < hi) {
            next = bracketMidpoint(lo, hi)
        }
        let scale = Swift.min(next, 1 - next)
        let step = abs(next - x)
        // Converged, or Newton has stalled on the rounding noise of I_x (steps no longer shrink).
        if step <= 1e-15 * scale || next == lo || next == hi || (step <= 1e-12 * scale && step >= previousStep / 2) {
            return next
        }
        previousStep = step
        x = next
    }
    return x
}

/// The midpoint of [lo, hi] that halves the bracket in the units that matter:
/// orders of magnitude when it reaches towards 0 or 1, plain distance otherwise.
private func bracketMidpoint(_ lo: Double, _ hi: Double) -> Double {
    if hi <= 0.5 {
        let low = Swift.max(lo, Double.leastNonzeroMagnitude)
        if hi > 4 * low { return low.squareRoot() * hi.squareRoot() }
    } else if lo >= 0.5 {
        let gapLow = 1 - lo
        let gapHigh = Swift.max(1 - hi, Double.ulpOfOne / 4)
        if gapLow > 4 * gapHigh { return 1 - gapLow.squareRoot() * gapHigh.squareRoot() }
    }
    return lo + (hi - lo) / 2
}

/// Numerical Recipes' starting point for the Beta(a, b) quantile at p.
private func inverseBetaStart(_ p: Double, a: Double, b: Double) -> Double {
    if a >= 1 && b >= 1 {
        let tail = p < 0.5 ? p : 1 - p
        let t = (-2 * log(tail)).squareRoot()
        var z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t
        if p < 0.5 { z = -z }
        let al = (z * z - 3) / 6
        let h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1))
        let w = z * (al + h).squareRoot() / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5.0 / 6 - 2 / (3 * h))
        return a / (a + b * exp(2 * w))
    }
    let lna = log(a / (a + b))
    let lnb = log(b / (a + b))
    let t = exp(a * lna) / a
    let u = exp(b * lnb) / b
    let w = t + u
    return p < t / w ? pow(a * w * p, 1 / a) : 1 - pow(b * w * (1 - p), 1 / b)
}
