import Foundation
import Testing

@testable import Thresholding

@Suite("Regularised incomplete beta")
struct IncompleteBetaTests {
    /// (x, a, b, I_x(a, b)) from scipy.special.betainc (SciPy 1.17.1), computed once with
    /// `python3 -c "from scipy.special import betainc; print(repr(float(betainc(a, b, x))))"`.
    static let scipyValues: [(x: Double, a: Double, b: Double, expected: Double)] = [
        (0.5, 2.0, 3.0, 0.6875),
        (0.2, 0.5, 0.5, 0.2951672353008665),
        (0.05, 96.0, 5.0, 4.039984300751314e-119),
        (0.95, 96.0, 5.0, 0.43598130068571117),
        (0.9, 96.0, 5.0, 0.023711082663476803),
        (0.05, 5.0, 96.0, 0.5640186993142899),
        (0.001, 1.0, 1000.0, 0.6323045752290359),
        (1e-06, 1.0, 1000000.0, 0.632120742768355),
        (1e-07, 1.0, 1000000.0, 0.09516258648822781),
        (0.3, 10.0, 10.0, 0.032553356881300934),
        (0.999, 0.1, 0.1, 0.7457583434113919),
        (0.995, 1000.0, 10.0, 0.9668822601436339),
        (0.1, 50.0, 400.0, 0.2315670734872988),
        (0.5, 10000.0, 10001.0, 0.5028209126561097),
        (0.001, 0.01, 5.0, 0.9527958800070772),
        (0.7, 200.5, 80.25, 0.2951352707654547),
        (0.9, 901.0, 100.0, 0.48458229043408024),
        (0.9, 880.0, 121.0, 0.9827427694733799),
        (0.999, 99901.0, 100.0, 0.48668125962044423),
        (2e-05, 3.5, 100000.0, 0.22023295793599076),
        (0.0012, 100.0, 99901.0, 0.972207688893547),
    ]

    @Test("matches scipy.special.betainc to 1e-12 relative", arguments: 0..<scipyValues.count)
    func matchesScipy(_ index: Int) {
        let (x, a, b, expected) = Self.scipyValues[index]
        let value = regularizedIncompleteBeta(x, a: a, b: b)
        let relative = abs(value - expected) / expected
        #expect(relative < 1e-12, "I_\(x)(\(a), \(b)) = \(value), scipy \(expected), rel \(relative)")
    }

    @Test("closed forms: I_x(1, b) = 1 − (1−x)^b and I_x(a, 1) = x^a")
    func closedForms() {
        for (x, b) in [(0.3, 7.0), (1e-4, 250.0), (0.9, 2.5)] {
            let expected = -expm1(b * log1p(-x))
            #expect(abs(regularizedIncompleteBeta(x, a: 1, b: b) - expected) <= 1e-14 * expected)
        }
        for (x, a) in [(0.3, 7.0), (0.99, 250.0), (0.5, 0.5)] {
            let expected = pow(x, a)
            #expect(abs(regularizedIncompleteBeta(x, a: a, b: 1) - expected) <= 1e-13 * expected)
        }
    }

    @Test("symmetry I_x(a, b) = 1 − I_{1−x}(b, a)")
    func symmetry() {
        for (x, a, b) in [(0.3, 2.0, 5.0), (0.75, 96.0, 5.0), (0.02, 1.0, 40.0), (0.5, 0.3, 12.0), (0.6, 300.0, 200.0)] {
            let left = regularizedIncompleteBeta(x, a: a, b: b)
            let right = 1 - regularizedIncompleteBeta(1 - x, a: b, b: a)
            #expect(abs(left - right) < 1e-14, "x=\(x) a=\(a) b=\(b): \(left) vs \(right)")
        }
    }

    @Test("edges: 0 at x ≤ 0, 1 at x ≥ 1, NaN for invalid shapes")
    func edges() {
        #expect(regularizedIncompleteBeta(0, a: 2, b: 3) == 0)
        #expect(regularizedIncompleteBeta(-0.5, a: 2, b: 3) == 0)
        #expect(regularizedIncompleteBeta(1, a: 2, b: 3) == 1)
        #expect(regularizedIncompleteBeta(1.5, a: 2, b: 3) == 1)
        #expect(regularizedIncompleteBeta(0.5, a: 0, b: 3).isNaN)
        #expect(regularizedIncompleteBeta(0.5, a: 2, b: -1).isNaN)
        #expect(regularizedIncompleteBeta(.nan, a: 2, b: 3).isNaN)
        #expect(regularizedIncompleteBeta(0.5, a: .infinity, b: 3).isNaN)
    }

    @Test("is monotone in x for the conformal-style shapes a = n+1−k, b = k")
    func monotone() {
        let n = 1000.0
        let k = 30.0
        var previous = 0.0
        for i in 1..<200 {
            let x = Double(i) / 200
            let value = regularizedIncompleteBeta(x, a: n + 1 - k, b: k)
            #expect(value >= previous)
            previous = value
        }
        #expect(previous > 0.999_999)
    }
}
