import Testing
@testable import Thresholding

@Suite struct ThresholdErrorTests {
    @Test func countsAreSingularOrPlural() {
        #expect(ThresholdError.tooFewScores(strategy: "ks", needed: 1, got: 0, reason: "").description
            == "ks: need at least 1 score, got 0")
        #expect(ThresholdError.tooFewScores(strategy: "gaussian", needed: 2, got: 1, reason: "r").description
            == "gaussian: need at least 2 scores, got 1 (r)")
    }

    @Test func parameterValuesPrintWithoutFloatNoise() {
        // 1 − 0.98 = 0.020000000000000018 in binary.
        #expect(ThresholdError.invalidParameter(name: "alpha", value: 1 - 0.98, expected: "x").description
            == "alpha = 0.02 is out of range: expected x")
        #expect(ThresholdError.invalidParameter(name: "k", value: .nan, expected: "a finite number").description
            == "k = nan is out of range: expected a finite number")
    }

    @Test func notRepresentableNamesTheStrategy() {
        #expect(ThresholdError.notRepresentable(strategy: "iqr", reason: "the fence overflows").description
            == "iqr: the fence overflows")
    }
}
