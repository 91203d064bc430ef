import Testing
@testable import Scoring

@Suite struct NNMatmulTests {
    typealias S = DeepSVDDTestSupport

    /// Every transpose combination, with and without accumulation, against a double-precision triple loop.
    /// The large size spans several micro-tiles with ragged edges on both sides.
    @Test(arguments: [(3, 5, 4), (40, 70, 50)])
    func productsMatchTheDefinition(m: Int, n: Int, k: Int) {
        let a = S.gaussian(m * k, seed: 1)
        let b = S.gaussian(k * n, seed: 2)
        let start = S.gaussian(m * n, seed: 3)
        for transposeA in [false, true] {
            for transposeB in [false, true] {
                for accumulate in [false, true] {
                    var c = start
                    a.withUnsafeBufferPointer { ap in
                        b.withUnsafeBufferPointer { bp in
                            c.withUnsafeMutableBufferPointer { cp in
                                nnMatmul(ap.baseAddress!, bp.baseAddress!, into: cp.baseAddress!, m: m, n: n, k: k,
                                         transposeA: transposeA, transposeB: transposeB, accumulate: accumulate)
                            }
                        }
                    }
                    var worst = 0.0
                    for i in 0..<m {
                        for j in 0..<n {
                            var s = accumulate ? Double(start[i * n + j]) : 0
                            for p in 0..<k {
                                let x = transposeA ? a[p * m + i] : a[i * k + p]
                                let y = transposeB ? b[j * k + p] : b[p * n + j]
                                s += Double(x) * Double(y)
                            }
                            worst = max(worst, abs(s - Double(c[i * n + j])))
                        }
                    }
                    #expect(worst < 1e-4, "tA \(transposeA) tB \(transposeB) acc \(accumulate)")
                }
            }
        }
    }
}
