import Testing

@testable import Thresholding

@Suite("Exact ratio comparison")
struct ExactRatioTests {
    @Test("equal fractions in different terms are equal; undefined is 0")
    func equality() {
        #expect(ExactRatio(numerator: 1, denominator: 3) == ExactRatio(numerator: 2, denominator: 6))
        #expect(ExactRatio(numerator: 0, denominator: 0) == ExactRatio(numerator: 0, denominator: 5))
        #expect(ExactRatio(numerator: 0, denominator: 0) < ExactRatio(numerator: 1, denominator: 1_000_000))
        #expect(ExactRatio(numerator: 0, denominator: 0).value == 0)
    }

    @Test("orders fractions that doubles cannot tell apart")
    func beyondDoublePrecision() {
        let big = 1 << 62
        let a = ExactRatio(numerator: big + 1, denominator: big)  // 1 + 2⁻⁶²
        let b = ExactRatio(numerator: big, denominator: big - 1)  // 1 + 1/(2⁶² − 1), a hair larger
        #expect(a.value == b.value)
        #expect(a < b)
        #expect(!(b < a))
    }
}
