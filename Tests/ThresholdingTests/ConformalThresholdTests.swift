import Testing
import Randomness
@testable import Thresholding

@Suite struct ConformalThresholdTests {
    @Test func smallOrderStatisticsByHand() throws {
        let s: [Double] = [5, 3, 1, 4, 2]
        // n = 5, α = 0.2: k = ⌈6·0.8⌉ = 5 → just above the maximum.
        let t1 = try ConformalThreshold(alpha: 0.2).fit(normal: s)
        #expect(t1.value == (5.0).nextUp)
        #expect(t1.detail("k") == 5)
        // α = 0.34: k = ⌈6·0.66⌉ = ⌈3.96⌉ = 4.
        #expect(try ConformalThreshold(alpha: 0.34).fit(normal: s).value == (4.0).nextUp)
        // α = 1/3: (n+1)(1−α) = 4 on paper; rounding must not push k to 5.
        #expect(try ConformalThreshold(alpha: 1.0 / 3).fit(normal: s).value == (4.0).nextUp)
        // α = 0.5: k = 3.
        #expect(try ConformalThreshold(alpha: 0.5).fit(normal: s).value == (3.0).nextUp)
    }

    @Test func twentyScoresAtFivePercentUseTheNineteenthNotTheMaximum() throws {
        let s = (1...19).map(Double.init)
        let t = try ConformalThreshold(alpha: 0.05).fit(normal: s)
        #expect(t.detail("k") == 19)
        #expect(t.value == (19.0).nextUp)
        let s39 = (1...39).map(Double.init)
        #expect(try ConformalThreshold(alpha: 0.05).fit(normal: s39).value == (38.0).nextUp)
    }

    @Test func tiesStillKeepTheGuarantee() throws {
        // Every score equal: a new normal score equal to them must not be flagged.
        let t = try ConformalThreshold(alpha: 0.1).fit(normal: Array(repeating: 2.0, count: 30))
        #expect(!t.isAnomalous(2.0))
        #expect(t.isAnomalous(2.0.nextUp.nextUp))
    }

    @Test func tooFewScoresNamesTheMinimum() {
        #expect(ConformalThreshold.minimumCount(alpha: 0.05) == 19)
        #expect(ConformalThreshold.minimumCount(alpha: 0.01) == 99)
        #expect(throws: ThresholdError.self) { try ConformalThreshold(alpha: 0.01).fit(normal: Array(repeating: 1, count: 41)) }
        do {
            _ = try ConformalThreshold(alpha: 0.01).fit(normal: (0..<41).map(Double.init))
            Issue.record("expected an error")
        } catch {
            guard case let .tooFewScores(_, needed, got, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(needed == 99)
            #expect(got == 41)
            #expect(error.description.contains("need at least 99 scores"))
        }
        #expect(throws: ThresholdError.self) { try ConformalThreshold().fit(normal: []) }
    }

    @Test(arguments: [0.0, 1.0, -0.1, 1.5, Double.nan])
    func alphaOutsideOpenUnitIntervalIsRejected(alpha: Double) {
        #expect(throws: ThresholdError.self) { try ConformalThreshold(alpha: alpha).fit(normal: [1, 2, 3]) }
    }

    @Test func nanScoreIsRejectedWithItsIndex() {
        do {
            _ = try ConformalThreshold().fit(normal: [1, 2, .nan, 4])
            Issue.record("expected an error")
        } catch {
            guard case let .nonFiniteScore(set, index, _) = error else { Issue.record("wrong error"); return }
            #expect(set == "normal")
            #expect(index == 2)
        }
    }

    /// The marginal guarantee: averaged over calibration draws, the realised FPR on fresh
    /// normal samples lies in [α − 1/(n+1), α] up to 3 standard errors.
    @Test(arguments: ScoreDistribution.allCases)
    func realisedFalseAlarmRateHoldsAlphaOverManyDraws(distribution: ScoreDistribution) throws {
        let alpha = 0.05, n = 49, draws = 1000, fresh = 200
        var g = SeededGenerator(seed: 2026)
        var rates: [Double] = []
        for _ in 0..<draws {
            let calibration = (0..<n).map { _ in distribution.sample(&g) }
            let t = try ConformalThreshold(alpha: alpha).fit(normal: calibration)
            let flagged = (0..<fresh).filter { _ in t.isAnomalous(distribution.sample(&g)) }.count
            rates.append(Double(flagged) / Double(fresh))
        }
        let (mean, sd) = meanAndStandardDeviation(rates)
        let se = sd / Double(draws).squareRoot()
        #expect(mean <= alpha + 3 * se)
        #expect(mean >= alpha - 1 / Double(n + 1) - 3 * se)
    }

    @Test func aThresholdAboveTheLargestDoubleIsATypedError() {
        // k = n: the threshold must lie just above the largest Double, which has no next value.
        do {
            let t = try ConformalThreshold(alpha: 0.2).fit(normal: [1, 2, 3, 4, .greatestFiniteMagnitude])
            Issue.record("expected an error, got \(t.value)")
        } catch {
            guard case .notRepresentable(strategy: "conformal", _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(error.description.contains("rescale the scores"))
        }
    }
}

/// Three score shapes for statistical tests: symmetric, skewed, heavy-tailed.
enum ScoreDistribution: String, CaseIterable, Sendable {
    case gaussian, exponential, lognormal

    func sample(_ g: inout SeededGenerator) -> Double {
        switch self {
        case .gaussian: return g.nextGaussian(mean: 3, standardDeviation: 2)
        case .exponential: return g.nextExponential(rate: 0.5)
        case .lognormal: return Foundation.exp(g.nextGaussian())
        }
    }

    /// The exact probability that a sample is at or above `t`.
    func survival(_ t: Double) -> Double {
        switch self {
        case .gaussian: return NormalDistribution.survival((t - 3) / 2)
        case .exponential: return t <= 0 ? 1 : Foundation.exp(-0.5 * t)
        case .lognormal: return t <= 0 ? 1 : NormalDistribution.survival(Foundation.log(t))
        }
    }
}

import Foundation
