import Testing
@testable import Thresholding

@Suite struct PowerOfTwoScaleTests {
    @Test func scalesTheLargestMagnitudeIntoOneToTwoExactly() {
        for m in [1e308, 3.0, 1e-300 / 1e10, .leastNonzeroMagnitude, .greatestFiniteMagnitude] {
            let scale = PowerOfTwoScale(largestMagnitude: m)
            let scaled = scale.down(m)
            #expect(scaled >= 1 && scaled < 2, "\(m)")
            #expect(scale.up(scaled) == m)
        }
        #expect(PowerOfTwoScale(largestMagnitude: 0).exponent == 0)
        #expect(PowerOfTwoScale(covering: [-4, 2, .nan, 1]).exponent == 2)
    }

    @Test func representThrowsWithAnApproximateMagnitude() {
        let scale = PowerOfTwoScale(largestMagnitude: 1e308)
        do {
            _ = try scale.represent(scale.down(1e308) * 5, as: "threshold", strategy: "s")
            Issue.record("expected an error")
        } catch {
            #expect(error == .notRepresentable(
                strategy: "s", reason: "the threshold ≈ 5.0e308 overflows a Double (the largest is 1.8e308); rescale the scores"))
        }
        #expect(scale.approximateText(-scale.down(9.96e307)) == "≈ -1.0e308")
        #expect((try? scale.represent(1.5, as: "x", strategy: "s")) == 1.5 * scale.factor)
    }

    @Test func sumOfLargeTermsThatCancelIsExact() throws {
        // −1.7e308 + 2·1e308 = 0.3e308, although 2·1e308 alone overflows.
        let value = try PowerOfTwoScale.sum(-1.7e308, plus: 2, times: 1e308, as: "t", strategy: "s")
        #expect(abs(value - 0.3e308) <= 1e-15 * 0.3e308)
        #expect(try PowerOfTwoScale.sum(3, plus: 2, times: 5, as: "t", strategy: "s") == 13)
    }
}
