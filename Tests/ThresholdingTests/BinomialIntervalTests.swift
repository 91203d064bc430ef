import Foundation
import Randomness
import Testing

@testable import Thresholding

@Suite struct BinomialIntervalTests {
    // Computed with:
    // python3 -c "from scipy.stats import beta; a=0.05
    //   for k,n in [(0,10),(1,10),(5,10),(10,10),(3,100),(0,100),(1,1000),(50,1000),(0,1),(1,1),(7,20),(2,5000)]:
    //     print(k, n, beta.ppf(a/2, k, n-k+1) if k>0 else 0.0, beta.ppf(1-a/2, k+1, n-k) if k<n else 1.0)"
    @Test(arguments: [
        (0, 10, 0.0, 0.3084971078187607), (1, 10, 0.0025285785444617848, 0.4450161170281954),
        (5, 10, 0.18708602844739855, 0.8129139715526015), (10, 10, 0.6915028921812392, 1.0),
        (3, 100, 0.006229971538306395, 0.08517605297428002), (0, 100, 0.0, 0.03621669264517641),
        (1, 1000, 2.531748749129404e-05, 0.005558924279826672), (50, 1000, 0.03733539760466178, 0.06539048791549364),
        (0, 1, 0.0, 0.975), (1, 1, 0.025, 1.0), (7, 20, 0.15390920478454118, 0.5921885345328282),
        (2, 5000, 4.844552711822349e-05, 0.0014441827958669),
    ])
    func matchesScipyAt95Percent(k: Int, n: Int, lower: Double, upper: Double) throws {
        let interval = try BinomialInterval.clopperPearson(successes: k, trials: n)
        #expect(abs(interval.lower - lower) <= 1e-12 * lower, "lower \(interval.lower) vs \(lower)")
        #expect(abs(interval.upper - upper) <= 1e-12 * Swift.min(upper, 1 - upper), "upper \(interval.upper) vs \(upper)")
        #expect(interval.estimate == Double(k) / Double(n))
    }

    @Test func otherConfidenceLevelsAndTheClosedFormsAtTheEnds() throws {
        // Same command with a = 0.01 for (3, 40) and (0, 40).
        let i = try BinomialInterval.clopperPearson(successes: 3, trials: 40, confidence: 0.99)
        #expect(abs(i.lower - 0.008627788841722736) <= 1e-12 * 0.0087)
        #expect(abs(i.upper - 0.24837227476949525) <= 1e-12 * 0.25)
        // k = 0: upper = 1 − (α/2)^(1/n); k = n: lower = (α/2)^(1/n).
        let none = try BinomialInterval.clopperPearson(successes: 0, trials: 40, confidence: 0.99)
        #expect(none.lower == 0)
        #expect(abs(none.upper - (1 - pow(0.005, 1.0 / 40))) < 1e-15)
        #expect(abs(none.upper - 0.12406021952937567) < 1e-15)
        let all = try BinomialInterval.clopperPearson(successes: 40, trials: 40, confidence: 0.99)
        #expect(all.upper == 1)
        #expect(abs(all.lower - pow(0.005, 1.0 / 40)) < 1e-15)
    }

    @Test func falseAlarmsOfAThresholdOnHeldOutScores() throws {
        // 2 of the 10 held-out scores are ≥ 8, so the interval is that of k = 2, n = 10.
        let scores: [Double] = [1, 2, 3, 4, 5, 6, 7, 7.5, 8, 9]
        let rate = try BinomialInterval.falseAlarmRate(threshold: 8, heldOutNormal: scores)
        #expect(rate.successes == 2)
        #expect(rate.trials == 10)
        #expect(rate == (try BinomialInterval.clopperPearson(successes: 2, trials: 10)))
        #expect(throws: ThresholdError.nonFiniteScore(set: "held-out normal", index: 1, value: .infinity)) {
            try BinomialInterval.falseAlarmRate(threshold: 8, heldOutNormal: [1, .infinity])
        }
    }

    @Test func invalidCountsAreTypedErrors() {
        #expect(throws: ThresholdError.self) { try BinomialInterval.clopperPearson(successes: 0, trials: 0) }
        #expect(throws: ThresholdError.self) { try BinomialInterval.clopperPearson(successes: 5, trials: 4) }
        #expect(throws: ThresholdError.self) { try BinomialInterval.clopperPearson(successes: -1, trials: 4) }
        #expect(throws: ThresholdError.self) { try BinomialInterval.clopperPearson(successes: 1, trials: 4, confidence: 1) }
        #expect(throws: ThresholdError.self) { try BinomialInterval.falseAlarmRate(threshold: 1, heldOutNormal: []) }
    }

    /// The exact coverage Σ P(K = k)·[lower(k) ≤ p ≤ upper(k)] over k ~ Binomial(n, p):
    /// at least 95 % for every n and p (Clopper–Pearson's guarantee), and not far above it
    /// where the binomial is close to normal, so an interval that is simply too wide fails too.
    @Test func exactCoverageIsAtLeastTheConfidenceLevel() throws {
        for n in [5, 10, 50, 200] {
            let intervals = try (0...n).map { k throws(ThresholdError) in try BinomialInterval.clopperPearson(successes: k, trials: n) }
            for p in [0.001, 0.01, 0.05, 0.2, 0.3, 0.5, 0.77, 0.99] {
                var coverage = 0.0
                for k in 0...n where intervals[k].lower <= p && p <= intervals[k].upper {
                    coverage += exp(lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
                        + Double(k) * log(p) + Double(n - k) * log1p(-p))
                }
                #expect(coverage >= 0.95 - 1e-12, "n \(n) p \(p): coverage \(coverage)")
                if n == 200 && p == 0.5 { #expect(coverage < 0.975, "n 200 p 0.5: coverage \(coverage)") }
            }
        }
    }

    /// Seeded draws: the interval from k ~ Binomial(n, p) covers p in at least about 95 % of them.
    @Test func coversTheTrueRateInSeededDraws() throws {
        var g = SeededGenerator(seed: 95)
        let draws = 2000
        for n in [20, 100, 400] {
            for p in [0.02, 0.1, 0.5] {
                var covered = 0
                for _ in 0..<draws {
                    var k = 0
                    for _ in 0..<n where g.nextUnitInterval() < p { k += 1 }
                    let interval = try BinomialInterval.clopperPearson(successes: k, trials: n)
                    if interval.lower <= p && p <= interval.upper { covered += 1 }
                }
                let rate = Double(covered) / Double(draws)
                // 3 standard errors of a 95 % rate over 2000 draws is 0.015.
                #expect(rate >= 0.95 - 0.015, "n \(n) p \(p): covered \(rate)")
            }
        }
    }
}
