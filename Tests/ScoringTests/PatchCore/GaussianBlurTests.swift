import Foundation
@testable import Scoring
import Testing

struct GaussianBlurTests {
    @Test func kernelSizeFollowsAnomalib() {
        // 2·⌊4σ + ½⌋ + 1: 9 at σ = 1, 33 at 4 (256 px), 41 at 5 (320 px), 49 at 6 (384 px), 65 at 8 (512 px).
        #expect([1.0, 4, 5, 6, 8].map { GaussianBlur(sigma: $0).kernelSize } == [9, 33, 41, 49, 65])
        let k = GaussianBlur(sigma: 4).kernel
        #expect(abs(k.reduce(0, +) - 1) < 1e-6)
        #expect(k == Array(k.reversed()))
        #expect(abs(Double(k[16] / k[20]) - Foundation.exp(16.0 / 32)) < 1e-5)  // exp(−x²/2σ²) at x = 4 vs 0
    }

    @Test func threeTapKernelReflectsAtTheBorders() {
        // σ = 0.25: ⌊1.5⌋ = 1, so taps e, 1, e (e = exp(−8)) over 1 + 2e.
        let blur = GaussianBlur(sigma: 0.25)
        #expect(blur.kernelSize == 3)
        let e = Foundation.exp(-8.0), n = 1 + 2 * e
        let out = blur.apply([1, 2, 4], width: 3, height: 1)
        // Index −1 reads 1 and index 3 reads 1 (torch's reflect, edge not repeated); one row reflects onto itself.
        let expected = [(2 * e * 2 + 1) / n, (e * 1 + 2 + e * 4) / n, (2 * e * 2 + 4) / n]
        for (got, want) in zip(out, expected) { #expect(abs(Double(got) - want) < 1e-6) }
    }

    @Test func anImpulseBecomesTheKernelsOuterProduct() {
        let blur = GaussianBlur(sigma: 4)
        var plane = [Float](repeating: 0, count: 41 * 41)
        plane[20 * 41 + 20] = 1
        let out = blur.apply(plane, width: 41, height: 41)
        let k = blur.kernel
        var worst: Float = 0
        for y in 4...36 { for x in 4...36 { worst = max(worst, abs(out[y * 41 + x] - k[y - 4] * k[x - 4])) } }
        #expect(worst < 1e-7)
        #expect(abs(out.reduce(0, +) - 1) < 1e-5)
    }

    @Test func constantsStayConstantEvenOnPlanesNarrowerThanTheKernel() {
        for (w, h) in [(256, 256), (5, 3), (1, 7), (1, 1)] {
            let out = GaussianBlur(sigma: 4).apply([Float](repeating: 2.5, count: w * h), width: w, height: h)
            #expect(out.allSatisfy { abs($0 - 2.5) < 1e-5 }, "\(w)×\(h)")
        }
    }
}
