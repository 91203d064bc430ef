import Testing
@testable import Thresholding

@Suite struct MADThresholdTests {
    @Test func robustToOneOutlier() throws {
        // median 3; |x − 3| = [2, 1, 0, 1, 97] → MAD 1.
        let t = try MADThreshold().fit(normal: [1, 2, 3, 4, 100])
        #expect(abs(t.value - (3 + 3 * 1.4826)) < 1e-12)
        #expect(t.detail("mad") == 1)
        #expect(abs((t.targetFPR ?? 0) - 0.0013498980316300933) < 1e-17)
    }

    @Test func zeroMADIsAClearError() {
        #expect(throws: ThresholdError.self) { try MADThreshold().fit(normal: [1, 1, 1, 5]) }
        #expect(throws: ThresholdError.self) { try MADThreshold().fit(normal: []) }
    }
}
