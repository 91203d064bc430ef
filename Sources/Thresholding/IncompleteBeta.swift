import Foundation

/// The regularised incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b).
///
/// It is the CDF of a Beta(a, b) variable at `x`, and the tail of a binomial:
/// P(Binomial(n, p) ≥ k) = I_p(k, n − k + 1). The calibration-conditional
/// conformal threshold uses it to find the smallest order statistic whose
/// false-alarm rate stays below α with probability 1 − δ.
///
/// The value comes from the continued fraction of Numerical Recipes §6.4,
/// evaluated with the modified Lentz method, on whichever of I_x(a, b) and
/// 1 − I_{1−x}(b, a) converges fast (the switch is at x = (a+1)/(a+b+2)).
/// The prefactor x^a (1−x)^b / B(a, b) is computed in a form that avoids the
/// cancellation of large log-gamma values, so the result stays accurate to
/// about 1e-13 relative even for a or b near a million.
///
/// - Parameters:
///   - x: the point, in [0, 1]; values below 0 give 0 and above 1 give 1.
///   - a: the first shape, > 0.
///   - b: the second shape, > 0.
/// - Returns: I_x(a, b) in [0, 1], or NaN when an argument is NaN, a shape is
///   not positive or not finite.
/// - Complexity: O(√max(a, b)) continued-fraction steps.
public func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
    guard !x.isNaN, a > 0, b > 0, a.isFinite, b.isFinite else { return .nan }
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }

    // 1 − x is exact for x ≥ 0.5 (Sterbenz), which keeps the upper tail accurate.
    let y = 1 - x
    let front = betaPrefactor(x: x, y: y, a: a, b: b)
    if front == 0 {
        // The prefactor underflowed: the mass is entirely on one side of x.
        return x < a / (a + b) ? 0 : 1
    }
    if x < (a + 1) / (a + b + 2) {
        return min(1, max(0, front * betaContinuedFraction(x: x, a: a, b: b) / a))
    }
    return min(1, max(0, 1 - front * betaContinuedFraction(x: y, a: b, b: a) / b))
}

/// The continued fraction for I_x(a, b) (Numerical Recipes `betacf`), by modified Lentz.
///
/// - Complexity: O(√max(a, b)) iterations when x < (a+1)/(a+b+2).
private func betaContinuedFraction(x: Double, a: Double, b: Double) -> Double {
    // Lentz replaces exact zeros by a tiny number so no division blows up.
    let tiny = 1e-300
    let epsilon = 1e-16
    let qab = a + b
    let qap = a + 1
    let qam = a - 1
    var c = 1.0
    var d = 1 - qab * x / qap
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    // Convergence needs O(√max(a,b)) steps; the cap only guards against NaN loops.
    let maxIterations = 200 + Int(min(1e7, 20 * (max(a, b).squareRoot())))
    var m = 1
    while m <= maxIterations {
        let md = Double(m)
        let m2 = 2 * md
        var aa = md * (b - md) * x / ((qam + m2) * (a + m2))
        d = 1 + aa * d
        if abs(d) < tiny { d = tiny }
        c = 1 + aa / c
        if abs(c) < tiny { c = tiny }
        d = 1 / d
        h *= d * c
        aa = -(a + md) * (qab + md) * x / ((a + m2) * (qap + m2))
        d = 1 + aa * d
        if abs(d) < tiny { d = tiny }
        c = 1 + aa / c
        if abs(c) < tiny { c = tiny }
        d = 1 / d
        let delta = d * c
        h *= delta
        if abs(delta - 1) <= epsilon { break }
        m += 1
    }
    return h
}

/// x^a y^b / B(a, b) with y = 1 − x, computed without cancelling large logarithms.
///
/// The naive exp(a ln x + b ln y − ln B(a, b)) loses about log10(lgamma(a+b))
/// digits, which is 1e-9 relative at a + b = 1e6. For two large shapes this uses
/// the Stirling form of TOMS 708 (`brcomp`), which expands around the mode
/// a/(a+b); for one small shape it uses ``logBeta(_:_:)``, which is accurate there.
private func betaPrefactor(x: Double, y: Double, a: Double, b: Double) -> Double {
    let small = min(a, b)
    if small < 8 {
        return exp(a * log(x) + b * log1p(-x) - logBeta(a, b))
    }
    // Both shapes are large: write x = x0(1 + e1), y = y0(1 + e2) around the
    // mode x0 = a/(a+b), so x^a y^b / (x0^a y0^b) = exp(−a·r(e1) − b·r(e2))
    // with r(e) = e − ln(1+e) ≥ 0, which never cancels.
    let total = a + b
    let x0 = a / total
    // λ = a − (a+b)x, written from whichever of x, y is exact.
    let lambda = x <= 0.5 ? a - total * x : total * y - b
    let e1 = -lambda / a
    let e2 = lambda / b
    let exponent = -(a * logOnePlusRemainder(e1) + b * logOnePlusRemainder(e2))
    let correction = stirlingCorrection(a) + stirlingCorrection(b) - stirlingCorrection(total)
    return (b * x0).squareRoot() / (2 * Double.pi).squareRoot() * exp(exponent - correction)
}

/// r(e) = e − ln(1 + e) for e > −1, without cancellation near e = 0.
private func logOnePlusRemainder(_ e: Double) -> Double {
    guard abs(e) < 0.5 else { return e - log1p(e) }
    // With t = e/(2+e): ln(1+e) = 2 atanh t, and e − 2t = e·t, so
    // r(e) = e·t − 2(t³/3 + t⁵/5 + …); |t| ≤ 1/3 makes the series converge fast.
    let t = e / (2 + e)
    let t2 = t * t
    var power = t * t2
    var series = 0.0
    var k = 3.0
    while true {
        let term = power / k
        series += term
        if abs(term) <= 1e-17 * abs(series) { break }
        power *= t2
        k += 2
    }
    return e * t - 2 * series
}

/// δ(x) = lgamma(x) − [(x − ½) ln x − x + ½ ln 2π], the Stirling remainder, for x ≥ 8.
private func stirlingCorrection(_ x: Double) -> Double {
    // Terms of the asymptotic series B_{2k} / (2k(2k−1) x^{2k−1}); the first
    // omitted term is below 1e-16 at x = 8.
    let inverse = 1 / x
    let z = inverse * inverse
    let series = 1.0 / 12 + z * (-1.0 / 360 + z * (1.0 / 1260 + z * (-1.0 / 1680
        + z * (1.0 / 1188 + z * (-691.0 / 360_360 + z * (1.0 / 156 + z * (-3617.0 / 122_400)))))))
    return series * inverse
}

/// ln B(a, b) = lgamma(a) + lgamma(b) − lgamma(a + b), accurate when one shape is large.
///
/// For b ≫ a the direct formula subtracts two nearly equal huge numbers; the
/// Stirling form of lgamma(b) − lgamma(a + b) keeps only terms of size a·ln b.
func logBeta(_ a: Double, _ b: Double) -> Double {
    let p = min(a, b)
    let q = max(a, b)
    if q < 8 {
        return lgamma(p) + lgamma(q) - lgamma(p + q)
    }
    if p < 8 {
        // lgamma(q) − lgamma(p+q) = −(q − ½) ln(1 + p/q) − p ln(p+q) + p + δ(q) − δ(p+q).
        return lgamma(p) - (q - 0.5) * log1p(p / q) - p * log(p + q) + p
            + stirlingCorrection(q) - stirlingCorrection(p + q)
    }
    // lgamma(p) = (p − ½) ln p − p + ½ ln 2π + δ(p); its p·ln p cancels the p·ln(p+q) above.
    let h = p / q
    return 0.5 * log(2 * Double.pi) - 0.5 * log(q) + stirlingCorrection(p)
        + stirlingCorrection(q) - stirlingCorrection(p + q)
        + (p - 0.5) * log(h / (1 + h)) - q * log1p(h)
}
