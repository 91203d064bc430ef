import Foundation

extension GeneralizedPareto {
    /// Fits a GPD to `excesses` by maximum likelihood, with Grimshaw's (1993) reduction.
    ///
    /// The two-parameter likelihood reduces to one equation in x = γ/σ:
    /// u(x)·v(x) = 1 with u(x) = mean 1/(1 + x·Yᵢ) and v(x) = 1 + mean ln(1 + x·Yᵢ).
    /// Every stationary point of the likelihood is a root in (−1/Y_max, 0) or in
    /// (0, 2(Ȳ − Y_min)/(Ȳ·Y_min)); a root x* gives γ = v(x*) − 1, σ = γ/x*. The
    /// exponential fit γ = 0, σ = Ȳ is the limit x → 0 and is always a candidate;
    /// the candidate with the highest log-likelihood wins. This is the fit SPOT
    /// uses (Siffer et al., KDD 2017).
    ///
    /// Unlike SPOT, which hands the root search to a local optimiser, the roots
    /// here are found by scanning a grid (geometric towards both ends of each
    /// interval, where roots crowd) for sign changes and refining each bracket
    /// with Brent's method, so the answer does not depend on a starting point;
    /// only two roots closer together than one grid cell (a ratio of 10^⅛) could
    /// be missed, and such a pair is a nearly flat stretch of the likelihood.
    /// The data are rescaled by Y_max first, which leaves γ unchanged and keeps
    /// the search independent of the units of the scores.
    ///
    /// - Parameter excesses: positive excesses over a threshold (scores − t).
    /// - Returns: the fit, its log-likelihood and asymptotic standard errors.
    /// - Throws: ``ThresholdError/tooFewScores(strategy:needed:got:reason:)``
    ///   for fewer than 3 excesses, ``ThresholdError/nonFiniteScore(set:index:value:)``
    ///   for NaN or ±∞, ``ThresholdError/invalidParameter(name:value:expected:)``
    ///   for an excess ≤ 0, and ``ThresholdError/noSpread(strategy:reason:)`` when
    ///   all excesses are equal (the likelihood then has no maximum).
    /// - Complexity: O(n·g) for n excesses and a grid of g ≈ 400 points.
    public static func fit(excesses: [Double]) throws(ThresholdError) -> GeneralizedParetoFit {
        let n = excesses.count
        guard n >= 3 else {
            throw .tooFewScores(
                strategy: "gpd", needed: 3, got: n,
                reason: "a two-parameter GPD fit needs at least 3 excesses")
        }
        try requireFinite(excesses, set: "excesses")
        var minimum = Double.infinity
        var maximum = 0.0
        for y in excesses {
            guard y > 0 else {
                throw .invalidParameter(
                    name: "excess", value: y,
                    expected: "a positive number (an excess is a score minus a threshold below it)")
            }
            minimum = min(minimum, y)
            maximum = max(maximum, y)
        }
        guard minimum < maximum else {
            throw .noSpread(
                strategy: "gpd",
                reason: "all \(n) excesses equal \(messageNumber(minimum)); a GPD fit needs excesses that differ")
        }

        // Dividing by the maximum keeps every value in (0, 1], so no sum overflows
        // and the search grid below is the same for every unit of measurement.
        let scaled = excesses.map { $0 / maximum }
        let scaledMinimum = minimum / maximum
        var total = 0.0
        for z in scaled { total += z }
        let scaledMean = total / Double(n)

        var candidates = [GeneralizedPareto(shape: 0, scale: scaledMean)]
        let upper = 2 * (scaledMean - scaledMinimum) / (scaledMean * scaledMinimum)
        for root in grimshawRoots(scaled, upper: upper) {
            var logSum = 0.0
            for z in scaled { logSum += log1p(root * z) }
            let gamma = logSum / Double(n)
            let sigma = gamma / root
            // A root can be so close to 0 that γ rounds to 0 or σ to garbage; the
            // exponential candidate already covers that limit.
            guard gamma != 0, sigma > 0, sigma.isFinite else { continue }
            candidates.append(GeneralizedPareto(shape: gamma, scale: sigma))
        }

        var best = candidates[0]
        var bestLogLikelihood = best.logLikelihood(of: scaled)
        for candidate in candidates.dropFirst() {
            let value = candidate.logLikelihood(of: scaled)
            if value > bestLogLikelihood {
                best = candidate
                bestLogLikelihood = value
            }
        }
        let fitted = GeneralizedPareto(shape: best.shape, scale: best.scale * maximum)
        return GeneralizedParetoFit(
            distribution: fitted, count: n, logLikelihood: fitted.logLikelihood(of: excesses))
    }

    /// w(x) = u(x)·v(x) − 1, written to avoid cancellation near x = 0.
    ///
    /// With a = u − 1 and b = v − 1, w = (a + b) + a·b, and a + b is summed term
    /// by term as ln(1+p) − p/(1+p) ≈ p²/2, so w keeps its relative accuracy where
    /// u·v − 1 computed directly would be pure rounding noise (|x·Y| ≲ 1e-8).
    static func grimshawObjective(_ x: Double, _ data: [Double]) -> Double {
        var a = 0.0
        var b = 0.0
        var c = 0.0
        for z in data {
            let p = x * z
            let ratio = p / (1 + p)
            let logTerm = log1p(p)
            a -= ratio
            b += logTerm
            c += logTerm - ratio
        }
        let n = Double(data.count)
        a /= n
        b /= n
        c /= n
        return c + a * b
    }

    /// The roots of w in (−1/max, 0) ∪ (0, upper) for data scaled to max = 1.
    ///
    /// - Complexity: O(n·g) for a grid of g points plus O(n) per Brent step.
    static func grimshawRoots(_ data: [Double], upper: Double) -> [Double] {
        var grid: [Double] = []
        // Negative side, x = −f with f in (0, 1): geometric towards f = 0, where
        // roots for γ ≈ 0 sit, and towards f = 1 (1 + x·Y_max → 0), where the
        // function changes fastest; a linear middle fills the gap.
        let decadesNearZero = 8.0
        let decadesNearEnd = 12.0
        let perDecade = 8.0
        var fractions: [Double] = []
        for i in 0...Int(decadesNearZero * perDecade) {
            let f = pow(10, -decadesNearZero + Double(i) / perDecade)
            if f < 0.5 { fractions.append(f) }
        }
        for i in 0...20 { fractions.append(0.025 + 0.95 * Double(i) / 20) }
        for i in 0...Int(decadesNearEnd * perDecade) {
            let gap = pow(10, -decadesNearEnd + Double(i) / perDecade)
            if gap < 0.5 { fractions.append(1 - gap) }
        }
        fractions.sort()
        // Ascending x: from near −1 up to near 0.
        for f in fractions.reversed() { grid.append(-f) }

        // Positive side: geometric from 1e-8 to the upper bound, inclusive.
        var positive: [Double] = []
        // A subnormal Y_min can make the bound overflow; roots that far out
        // would give σ ≈ 0, which no data support.
        let upper = min(upper, 1e300)
        if upper > 1e-8 {
            let steps = Int((log10(upper) + decadesNearZero) * perDecade) + 1
            for i in 0..<steps {
                let x = pow(10, -decadesNearZero + Double(i) / perDecade)
                if x < upper { positive.append(x) }
            }
            positive.append(upper)
        }

        var roots: [Double] = []
        for side in [grid, positive] where side.count >= 2 {
            var previousX = side[0]
            var previousW = grimshawObjective(previousX, data)
            if previousW == 0 { roots.append(previousX) }
            for x in side.dropFirst() {
                let w = grimshawObjective(x, data)
                if w == 0 {
                    roots.append(x)
                } else if previousW != 0, (w < 0) != (previousW < 0), w.isFinite, previousW.isFinite {
                    roots.append(brentRoot(previousX, previousW, x, w, data))
                }
                previousX = x
                previousW = w
            }
        }
        return roots
    }

    /// Brent's method on a bracket [a, b] with w(a), w(b) of opposite signs.
    ///
    /// - Complexity: at most 100 evaluations of w, usually about 10.
    static func brentRoot(_ a0: Double, _ fa0: Double, _ b0: Double, _ fb0: Double, _ data: [Double])
        -> Double
    {
        var a = a0, fa = fa0, b = b0, fb = fb0
        var c = a, fc = fa
        var d = b - a, e = d
        for _ in 0..<100 {
            if (fb > 0) == (fc > 0) {
                c = a; fc = fa
                d = b - a; e = d
            }
            if abs(fc) < abs(fb) {
                a = b; b = c; c = a
                fa = fb; fb = fc; fc = fa
            }
            // Roots near 0 matter in relative terms, so the tolerance is relative.
            let tolerance = 2 * Double.ulpOfOne * abs(b) + 1e-300
            let m = 0.5 * (c - b)
            if abs(m) <= tolerance || fb == 0 { return b }
            if abs(e) >= tolerance, abs(fa) > abs(fb) {
                // Inverse quadratic interpolation, or secant when only two points differ.
                let s = fb / fa
                var p: Double
                var q: Double
                if a == c {
                    p = 2 * m * s
                    q = 1 - s
                } else {
                    let qa = fa / fc
                    let r = fb / fc
                    p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1))
                    q = (qa - 1) * (r - 1) * (s - 1)
                }
                if p > 0 { q = -q } else { p = -p }
                if 2 * p < min(3 * m * q - abs(tolerance * q), abs(e * q)) {
                    e = d
                    d = p / q
                } else {
                    d = m
                    e = m
                }
            } else {
                d = m
                e = m
            }
            a = b
            fa = fb
            b += abs(d) > tolerance ? d : (m > 0 ? tolerance : -tolerance)
            fb = grimshawObjective(b, data)
        }
        return b
    }
}
