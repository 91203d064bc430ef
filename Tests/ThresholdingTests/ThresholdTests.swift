import Foundation
import Randomness
import Testing
@testable import Thresholding

/// Properties every ``Threshold`` must have, whatever the magnitude of the scores.
@Suite struct ThresholdTests {
    /// Every strategy, with parameters that let each fit a few hundred scores.
    static func allStrategies(synthetic: [Double]) -> [any Threshold] {
        StrategyComparison.normalScoreStrategies(alpha: 0.05) + [
            EVTThreshold(alpha: 0.01, level: 0.98),
            GaussianThreshold(.sigmas(3)),
            ManualThreshold(value: 1),
            AdaptiveF1Threshold(),
            BestBalancedAccuracyThreshold(),
            ConstrainedBalancedAccuracyThreshold(maxFPR: 0.1),
            PriorWeightedF1Threshold(prior: 0.3),
            SyntheticAnomalyThreshold(),
            SyntheticAnomalyThreshold(rule: .bestF1(prior: 0.5)),
            SyntheticAnomalyThreshold(rule: .bestBalancedAccuracyWithinFPR(0.05)),
        ]
    }

    /// A finite double of magnitude about 2^exponent (clamped to the finite range), subnormal below 2^−1022.
    static func value(exponent: Int, sign: FloatingPointSign, _ g: inout SeededGenerator) -> Double {
        let e = Swift.min(Swift.max(exponent, -1074), 1023)
        return Double(sign: sign, exponent: e, significand: 1 + g.nextUnitInterval())
    }

    /// Scores spread over 1e-310…1e308 in one of several shapes: one scale with either
    /// sign, one scale and one sign, two far-apart scales, or the edges of the range.
    static func extremeSample(count: Int, _ g: inout SeededGenerator) -> [Double] {
        let base = -1030 + g.nextInt(below: 2054)  // 2^-1030 ≈ 1e-310 … 2^1023 ≈ 9e307
        let mode = g.nextInt(below: 5)
        let fixedSign: FloatingPointSign = g.nextInt(below: 2) == 0 ? .plus : .minus
        return (0..<count).map { _ in
            let sign: FloatingPointSign = g.nextInt(below: 2) == 0 ? .plus : .minus
            switch mode {
            case 0: return value(exponent: base - g.nextInt(below: 4), sign: sign, &g)
            case 1: return value(exponent: base - g.nextInt(below: 4), sign: fixedSign, &g)
            case 2: return value(exponent: g.nextInt(below: 2) == 0 ? base : base - 600, sign: fixedSign, &g)
            case 3: return g.nextInt(below: 3) == 0 ? (sign == .plus ? .greatestFiniteMagnitude : -.greatestFiniteMagnitude)
                : value(exponent: 1023 - g.nextInt(below: 3), sign: sign, &g)
            default: return value(exponent: -1074 + g.nextInt(below: 60), sign: sign, &g)
            }
        }
    }

    @Test func everyStrategyGivesAFiniteThresholdOrATypedErrorOnExtremeMagnitudes() {
        var g = SeededGenerator(seed: 20_240_611)
        var fitted = 0
        var failed = 0
        for trial in 0..<120 {
            let count = [1, 2, 3, 5, 20, 160, 400][trial % 7]
            let normal = Self.extremeSample(count: count, &g)
            let anomalous = Self.extremeSample(count: Swift.max(1, count / 4), &g)
            for strategy in Self.allStrategies(synthetic: anomalous) {
                let supervised = strategy.reads == .normalAndAnomalousScores || strategy.reads == .syntheticAnomalies
                do throws(ThresholdError) {
                    let t = try strategy.fit(normal: normal, anomalous: supervised ? anomalous : [])
                    fitted += 1
                    #expect(t.value.isFinite, "\(strategy.name) on \(normal.prefix(4)): threshold \(t.value)")
                    for d in t.details {
                        #expect(d.value.isFinite, "\(strategy.name): detail \(d.name) = \(d.value)")
                    }
                } catch {
                    failed += 1
                    // A message never reports a NaN or infinite number it computed itself.
                    let words = error.description.lowercased().split { !$0.isLetter }
                    #expect(!words.contains("nan") && !words.contains("inf"), "\(strategy.name): \(error)")
                }
            }
        }
        // Both outcomes occur, so the property is exercised on each side.
        #expect(fitted > 500)
        #expect(failed > 50)
    }

    /// Scaling every score by 2^k scales every threshold by exactly 2^k when the
    /// strategy's arithmetic is done in a safe range, even where the unscaled sums
    /// of squares would overflow (k = 900) or underflow (k = −1000).
    @Test(arguments: [900, -1000])
    func thresholdsScaleExactlyWithThePowerOfTwo(k: Int) throws {
        var g = SeededGenerator(seed: 7)
        let normal = (0..<400).map { _ in 5 + g.nextGaussian() + g.nextExponential() }
        let anomalous = (0..<40).map { _ in 8 + g.nextGaussian() }
        let factor = Double(sign: .plus, exponent: k, significand: 1)
        let scaledAnomalous = anomalous.map { $0 * factor }
        let pairs = zip(Self.allStrategies(synthetic: anomalous), Self.allStrategies(synthetic: scaledAnomalous))
        for (strategy, sameOnScaled) in pairs where !(strategy is ManualThreshold) {
            let supervised = strategy.reads == .normalAndAnomalousScores || strategy.reads == .syntheticAnomalies
            let plain = try strategy.fit(normal: normal, anomalous: supervised ? anomalous : [])
            let scaled = try sameOnScaled.fit(normal: normal.map { $0 * factor }, anomalous: supervised ? scaledAnomalous : [])
            #expect(scaled.value == plain.value * factor, "\(strategy.name)")
        }
    }
}
