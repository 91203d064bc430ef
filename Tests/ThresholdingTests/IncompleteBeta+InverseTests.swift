import Foundation
import Randomness
import Testing

@testable import Thresholding

@Suite struct InverseIncompleteBetaTests {
    // python3 -c "from scipy.stats import beta; print(beta.ppf(0.3, 2.5, 0.7), beta.ppf(1e-10, 1, 1e6),
    //   beta.ppf(0.999, 200, 3), beta.ppf(0.5, 0.1, 0.1))"
    @Test(arguments: [
        (0.3, 2.5, 0.7, 0.7097758912148804), (1e-10, 1.0, 1e6, 1.00000000005e-16),
        (0.999, 200.0, 3.0, 0.9990525137036208), (0.5, 0.1, 0.1, 0.5),
    ])
    func matchesScipyQuantiles(p: Double, a: Double, b: Double, expected: Double) {
        let x = inverseRegularizedIncompleteBeta(p, a: a, b: b)
        #expect(abs(x - expected) <= 1e-12 * Swift.min(expected, 1 - expected), "\(x) vs \(expected)")
    }

    @Test func invertsTheIncompleteBetaOverManyShapes() {
        var g = SeededGenerator(seed: 77)
        for _ in 0..<400 {
            let a = exp(g.nextUniform(log(0.05), log(2e5)))
            let b = exp(g.nextUniform(log(0.05), log(2e5)))
            let p = exp(g.nextUniform(log(1e-12), log(0.999999)))
            let x = inverseRegularizedIncompleteBeta(p, a: a, b: b)
            #expect(x >= 0 && x <= 1)
            let back = regularizedIncompleteBeta(x, a: a, b: b)
            // The CDF is flat where x is pinned at 0 or 1 in double precision; elsewhere it must invert.
            if x > 1e-300 && x < 1 - 1e-15 {
                #expect(abs(back - p) <= 1e-9 * p + 1e-14, "a \(a) b \(b) p \(p): x \(x) gives \(back)")
            }
        }
    }

    @Test func endsAndInvalidArguments() {
        #expect(inverseRegularizedIncompleteBeta(0, a: 2, b: 3) == 0)
        #expect(inverseRegularizedIncompleteBeta(1, a: 2, b: 3) == 1)
        #expect(inverseRegularizedIncompleteBeta(1.5, a: 2, b: 3).isNaN)
        #expect(inverseRegularizedIncompleteBeta(.nan, a: 2, b: 3).isNaN)
        #expect(inverseRegularizedIncompleteBeta(0.5, a: 0, b: 3).isNaN)
        // Beta(1, 1) is uniform; Beta(1, b) has the closed form 1 − (1 − p)^(1/b).
        #expect(abs(inverseRegularizedIncompleteBeta(0.37, a: 1, b: 1) - 0.37) < 1e-15)
        #expect(abs(inverseRegularizedIncompleteBeta(0.2, a: 1, b: 40) - (1 - pow(0.8, 1.0 / 40))) < 1e-15)
    }
}
