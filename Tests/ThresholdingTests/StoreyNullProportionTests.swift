import Testing
import Randomness
@testable import Thresholding

@Suite struct StoreyNullProportionTests {
    @Test func countsPValuesAboveLambdaWithTheFiniteSampleCorrection() throws {
        // 3 of 10 p-values exceed ½: π̂₀ = (1 + 3) / (0.5 · 10) = 0.8.
        let p = [0.01, 0.02, 0.03, 0.04, 0.6, 0.8, 0.05, 0.06, 0.07, 0.9]
        #expect(try StoreyNullProportion.estimate(pValues: p) == 0.8)
        // At λ = 0.7 two exceed it: (1 + 2) / (0.3 · 10) = 1.
        #expect(abs(try StoreyNullProportion.estimate(pValues: p, lambda: 0.7) - 1) < 1e-12)
    }

    @Test func capsAtOneAndStaysPositiveWithoutLargePValues() throws {
        // 3 of 6 above ½ would give 4/3.
        #expect(try StoreyNullProportion.estimate(pValues: [0.1, 0.2, 0.6, 0.7, 0.9, 0.3]) == 1)
        // None above ½: 1 / (0.5 · 4) = 0.5, never 0.
        #expect(try StoreyNullProportion.estimate(pValues: [0.01, 0.02, 0.03, 0.04]) == 0.5)
    }

    @Test func refusesAnEmptyBatchLambdaOutsideTheUnitIntervalAndBadPValues() {
        #expect(throws: ThresholdError.self) { try StoreyNullProportion.estimate(pValues: []) }
        #expect(throws: ThresholdError.self) { try StoreyNullProportion.estimate(pValues: [0.5], lambda: 0) }
        #expect(throws: ThresholdError.self) { try StoreyNullProportion.estimate(pValues: [0.5], lambda: 1) }
        #expect(throws: ThresholdError.self) { try StoreyNullProportion.estimate(pValues: [0.5, 1.5]) }
        #expect(throws: ThresholdError.self) { try StoreyNullProportion.estimate(pValues: [.nan]) }
    }

    @Test func recoversTheGoodShareOfSeededMixturesOnAverage() throws {
        // 150 good N(0, 1) and 50 clear anomalies N(4, 1) against 200 good calibration scores:
        // π₀ = 0.75. The +1 correction adds 1/100, so the mean sits near 0.76, never far below 0.75.
        var g = SeededGenerator(seed: 11)
        var estimates: [Double] = []
        for _ in 0..<200 {
            let p = try ConformalPValues(calibration: (0..<200).map { _ in g.nextGaussian() })
            let batch = (0..<150).map { _ in g.nextGaussian() } + (0..<50).map { _ in g.nextGaussian(mean: 4, standardDeviation: 1) }
            estimates.append(try StoreyNullProportion.estimate(pValues: p.pValues(batch)))
        }
        let mean = estimates.reduce(0, +) / Double(estimates.count)
        #expect(mean > 0.745 && mean < 0.78, "mean π̂₀ \(mean)")
        #expect(estimates.count { $0 < 0.6 } <= 4)
    }
}
