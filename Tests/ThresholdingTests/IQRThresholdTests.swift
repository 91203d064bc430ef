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

    @Test func quartilesOfHugeScoresDoNotOverflow() throws {
        // Sorted 0.5, 1, 1.5, 1.7 (×1e308): Q1 = 0.875e308, Q3 = 1.55e308, IQR = 0.675e308.
        let scores = [1e308, 1.5e308, 1.7e308, 0.5e308]
        let t = try IQRThreshold(k: 0.25).fit(normal: scores)
        #expect(abs(t.value - 1.71875e308) <= 1e-15 * 1.71875e308)
        // With k = 1.5 the fence 2.5625e308 is beyond the largest Double.
        do {
            let t = try IQRThreshold().fit(normal: scores)
            Issue.record("expected an error, got \(t.value)")
        } catch {
            guard case .notRepresentable(strategy: "iqr", _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(error.description.contains("2.6e308"))
        }
        // Quartiles across the whole range: Q1 = −0.85e308, Q3 = 0.85e308, IQR 1.7e308.
        let wide = try IQRThreshold(k: 0.05).fit(normal: [-1.7e308, 1.7e308])
        #expect(abs(wide.value - 0.935e308) <= 1e-15 * 0.935e308)
    }
}
