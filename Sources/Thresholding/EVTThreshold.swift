import Foundation

/// The peaks-over-threshold (SPOT) cut-off: a GPD tail fitted above a high quantile.
///
/// An empirical quantile cannot reach below 1/n, and for small α it is very
/// noisy. Extreme value theory models the scores above an initial threshold t
/// (the `level` quantile) as t + GPD(γ, σ) and extrapolates the tail:
///
///     z = t + σ/γ · ((α·n/N_t)^(−γ) − 1),   or  z = t − σ·ln(α·n/N_t) when γ = 0,
///
/// where N_t is the number of peaks (scores above t). This is the batch
/// initialisation of SPOT (Siffer et al., "Anomaly Detection in Streams with
/// Extreme Value Theory", KDD 2017), with the GPD fitted by Grimshaw's method.
///
/// Details, in order: `n`, `level`, `initial_threshold`, `peaks`, `shape`,
/// `scale`, `shape_se`, `scale_se` (the last two are left out when γ̂ ≤ −½,
/// where the asymptotic standard errors do not exist).
public struct EVTThreshold: Threshold, Hashable {
    /// The target false-alarm rate on new normal scores.
    public var alpha: Double
    /// The quantile of the normal scores used as the initial threshold t.
    public var level: Double

    public var name: String { "evt" }
    public var targetFPR: Double? { alpha }
    public var minimumNormalCount: Int { level > 0 && level < 1 ? Self.smallestCount(forPeaks: 3, level: level) : 1 }

    /// Creates the strategy; α must be below 1 − `level`, which `fit` checks.
    public init(alpha: Double = 0.01, level: Double = 0.98) {
        self.alpha = alpha
        self.level = level
    }

    /// Fits t, the GPD of the peaks over t, and the extrapolated cut-off z.
    ///
    /// `anomalous` is ignored: the cut-off depends only on normal scores.
    /// - Throws: ``ThresholdError/invalidParameter(name:value:expected:)`` for α or
    ///   level outside (0, 1) or α ≥ 1 − level; ``ThresholdError/nonFiniteScore(set:index:value:)``;
    ///   ``ThresholdError/tooFewScores(strategy:needed:got:reason:)`` when fewer than
    ///   3 peaks lie above t; ``ThresholdError/noSpread(strategy:reason:)`` for equal
    ///   scores or equal peaks; ``ThresholdError/unavailable(strategy:reason:)`` when
    ///   the fitted tail extrapolates to an infinite cut-off;
    ///   ``ThresholdError/notRepresentable(strategy:reason:)`` when the cut-off or the
    ///   scale lies beyond the range of a Double (scores near ±1.8e308). The
    ///   arithmetic is done in units of a power of two, so scores of any finite
    ///   magnitude, subnormal ones included, give the same cut-off up to that power.
    /// - Complexity: O(n log n) for the sort plus O(N_t·g) for the GPD fit, with
    ///   g ≈ 400 grid points.
    public func fit(normal: [Double], anomalous: [Double]) throws(ThresholdError) -> FittedThreshold {
        try requireProbability(alpha, name: "alpha")
        try requireProbability(level, name: "level")
        let tailMass = 1 - level
        guard alpha < tailMass else {
            // With α ≥ 1 − level the target quantile lies below t, outside the
            // part of the distribution the GPD describes.
            throw .invalidParameter(
                name: "alpha", value: alpha,
                expected: "less than 1 − level = \(messageNumber(tailMass)), so the cut-off lies in the fitted tail;"
                    + " lower --alpha or --level")
        }
        let n = normal.count
        let needed = Self.smallestCount(forPeaks: 3, level: level)
        try requireNormalScores(
            normal, atLeast: needed, strategy: "evt",
            reason: "level \(messageNumber(level)) leaves \(counted(Self.peakCount(n: n, level: level), "score"))"
                + " above the initial threshold; the GPD fit needs 3")
        let sorted = normal.sorted()
        let lowest = sorted[0]
        let highest = sorted[n - 1]
        guard lowest < highest else {
            throw .noSpread(strategy: "evt", reason: "all \(n) scores equal \(messageNumber(lowest)); there is no tail to fit")
        }

        let index = Self.initialIndex(n: n, level: level)
        let initial = sorted[index]
        // Everything from the peaks to the cut-off is computed in units of a power of two
        // that brings the largest score near 1: excesses of scores of both signs near
        // 1.8e308 would overflow, and the GPD fit and its extrapolation are
        // scale-equivariant, so this changes no bit for scores of ordinary size.
        let scale = PowerOfTwoScale(largestMagnitude: Swift.max(abs(lowest), abs(highest)))
        let scaledInitial = scale.down(initial)
        // Sorted, so the peaks are the suffix strictly above t; ties with t are not peaks.
        var peaks: [Double] = []
        peaks.reserveCapacity(n - 1 - index)
        for s in sorted[(index + 1)...] where scale.down(s) > scaledInitial {
            peaks.append(scale.down(s) - scaledInitial)
        }
        guard peaks.count >= 3 else {
            throw .tooFewScores(
                strategy: "evt", needed: needed, got: n,
                reason: "only \(counted(peaks.count, "score")) above the initial threshold"
                    + " \(messageNumber(initial)) because of ties; the GPD fit needs 3 distinct peaks")
        }

        let tail: GeneralizedParetoFit
        do {
            tail = try GeneralizedPareto.fit(excesses: peaks)
        } catch .noSpread {
            throw .noSpread(
                strategy: "evt",
                reason: "all \(peaks.count) peaks above the initial threshold \(messageNumber(initial)) are equal;"
                    + " there is no tail shape to fit")
        } catch {
            throw error
        }

        let gamma = tail.distribution.shape
        let scaledSigma = tail.distribution.scale
        let ratio = alpha * Double(n) / Double(peaks.count)
        let logRatio = log(ratio)
        // expm1 form of σ/γ·(r^(−γ) − 1): same value, no noise as γ → 0.
        let scaledExcess = tail.distribution.isExponential
            ? -scaledSigma * logRatio
            : scaledSigma / gamma * expm1(-gamma * logRatio)
        guard scaledExcess.isFinite else {
            throw .unavailable(
                strategy: "evt",
                reason: "the fitted tail (shape \(messageNumber(gamma))) extrapolates to an infinite cut-off;"
                    + " raise --alpha or use more scores")
        }
        let value = try scale.represent(scaledInitial + scaledExcess, as: "cut-off t + excess", strategy: "evt")
        let sigma = try scale.represent(scaledSigma, as: "GPD scale σ", strategy: "evt")

        var details = [
            Detail("n", n),
            Detail("level", level),
            Detail("initial_threshold", initial),
            Detail("peaks", peaks.count),
            Detail("shape", gamma),
            Detail("scale", sigma),
        ]
        var warnings: [String] = []
        if let shapeSE = tail.shapeStandardError, let scaledScaleSE = tail.scaleStandardError {
            details.append(Detail("shape_se", shapeSE))
            details.append(Detail("scale_se", try scale.represent(scaledScaleSE, as: "standard error of σ", strategy: "evt")))
        } else {
            warnings.append(
                "fitted shape \(messageNumber(gamma)) ≤ -0.5, so the tail has no asymptotic standard errors;"
                    + " the cut-off is close to the largest score")
        }
        if peaks.count < 10 {
            let neededForTen = Self.smallestCount(forPeaks: 10, level: level)
            warnings.append(
                "only \(peaks.count) peaks above the initial threshold, too few for a reliable"
                    + " tail fit; 10 peaks need n ≥ \(neededForTen) scores at level \(messageNumber(level))"
                    + " (about 10/(1 − level))")
        }
        if ratio >= 1 {
            warnings.append(
                "α·n/peaks = \(messageNumber(ratio)) ≥ 1 because of ties at the initial threshold;"
                    + " the cut-off lies below it, outside the fitted tail")
        }
        return FittedThreshold(
            strategy: name, value: value, targetFPR: alpha, details: details, warnings: warnings)
    }

    /// SPOT's initial index floor(level·n), clamped to the last score (0-based).
    static func initialIndex(n: Int, level: Double) -> Int {
        min(Int((level * Double(n)).rounded(.down)), n - 1)
    }

    /// The number of scores above the initial index when all scores are distinct.
    static func peakCount(n: Int, level: Double) -> Int {
        n > 0 ? n - 1 - initialIndex(n: n, level: level) : 0
    }

    /// The smallest n whose distinct scores leave at least `peaks` above the initial threshold.
    ///
    /// The peak count never decreases with n (it grows by 0 or 1 per score), so
    /// a doubling then a binary search finds it.
    /// - Complexity: O(log(peaks/(1 − level))).
    static func smallestCount(forPeaks peaks: Int, level: Double) -> Int {
        var high = peaks + 1
        while peakCount(n: high, level: level) < peaks, high < Int.max / 4 {
            high *= 2
        }
        var low = 1
        while low < high {
            let middle = low + (high - low) / 2
            if peakCount(n: middle, level: level) >= peaks {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return low
    }
}

extension EVTThreshold {
    /// The initial level used when none is given: min(0.98, 1 − 2α), so the GPD has a tail of
    /// twice the target mass to extrapolate in (0.98 alone allows only α < 0.02).
    public static func automaticLevel(alpha: Double) -> Double { Swift.min(0.98, 1 - 2 * alpha) }

    public static let descriptor = StrategyDescriptor(
        key: "evt", family: .normalScore,
        summary: "peaks over the level quantile, generalised Pareto tail (Grimshaw ML), extrapolated to α",
        parameters: [.alpha, .number("level", "L", in: .open(0, 1), defaultDescription: "min(0.98, 1 − 2α)",
                                     help: "evt: quantile level of the initial threshold; needs α < 1 − L.")],
        reads: .normalScores,
        make: { v in
            let alpha = v.number("alpha") ?? 0.05
            return EVTThreshold(alpha: alpha, level: v.number("level") ?? automaticLevel(alpha: alpha))
        })
}
