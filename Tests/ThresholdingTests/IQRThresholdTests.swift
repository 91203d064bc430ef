import Testing
@testable import Thresholding

@Suite struct IQRThresholdTests {
    @Test func tukeyFenceByHand() throws {
        let t = try IQRThreshold().fit(normal: [5, 1, 4, 2, 3])
        #expect(t.value == 7) // Q3 4 + 1.5 · (4 − 2)
        // Gaussian tail beyond 0.6745·(1 + 2·1.5) σ: scipy norm.sf(norm.ppf(0.75) * 4).
        #expect(abs((t.targetFPR ?? 0) - 0.0034883016196401184) < 1e-15)
        #expect(try IQRThreshold(k: 3).fit(normal: [5, 1, 4, 2, 3]).value == 10)
    }

    @Test func zeroIQRIsAClearError() {
        #expect(throws: ThresholdError.self) { try IQRThreshold().fit(normal: [0, 2, 2, 2, 2, 9]) }
    }
}
