import Testing
@testable import LinearAlgebra

/// Both float kernels that ship, the AVX2/FMA one (x86-64 CPUs that have it) and the portable Swift one
/// (every other CPU, arm64, `THRESHOLDKIT_GEMM=portable`), each checked against a naive product.
struct GEMMDispatchTests {
    /// Shapes chosen for the paths of both drivers: (m, n, k).
    /// - below a tile of either kernel (AVX2 6×16, portable 4×8), and exactly one AVX2 tile;
    /// - ragged edges on every side and several k-blocks (k > 256, k > 512);
    /// - a short C (m ≤ 24: B read in place) and a narrow C (n ≤ 64: A read in place), each at the boundary;
    /// - large enough to run on both cores, with rows split (m > 144) or columns split (m ≤ 144);
    /// - thin inner dimensions (k = 1, 3).
    static let shapes: [(Int, Int, Int)] = [
        (1, 1, 1), (3, 7, 9), (5, 15, 7), (6, 16, 256), (13, 40, 300), (25, 70, 513), (24, 65, 40), (7, 200, 70),
        (301, 17, 33), (130, 48, 513), (150, 150, 100), (2, 600, 3), (200, 90, 1),
    ]

    /// op(A)·op(B) (+ C₀ when `accumulate`) into rows of length ldc = n + 3, whose 3 padding entries must stay untouched.
    static func product(_ kernel: FloatGEMMKernel, _ a: Matrix<Float>, _ b: Matrix<Float>, transposeA: Bool, transposeB: Bool,
                        start: [Float]?, panelFloats: Int = WideFloatGEMM.panelFloats) -> (c: [Float], ldc: Int) {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let n = transposeB ? b.rows : b.columns
        let ldc = n + 3
        var c = [Float](repeating: .nan, count: m * ldc)
        if let start { for i in 0..<m { for j in 0..<n { c[i * ldc + j] = start[i * n + j] } } }
        a.elements.withUnsafeBufferPointer { pa in
            b.elements.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    let opA = transposeA ? StridedOperand(base: pa.baseAddress!, rowStride: 1, columnStride: a.columns)
                        : StridedOperand(base: pa.baseAddress!, rowStride: a.columns, columnStride: 1)
                    let opB = transposeB ? StridedOperand(base: pb.baseAddress!, rowStride: 1, columnStride: b.columns)
                        : StridedOperand(base: pb.baseAddress!, rowStride: b.columns, columnStride: 1)
                    switch kernel {
                    case .avx2FMA:
                        WideFloatGEMM.run(opA, opB, pc.baseAddress!, m: m, n: n, k: k, ldc: ldc, accumulate: start != nil,
                                          panelFloats: panelFloats)
                    case .portable:
                        GEMM<SIMD8<Float>>.run(opA, opB, pc.baseAddress!, m: m, n: n, k: k, ldc: ldc,
                                               accumulate: start != nil, allowWide: false)
                    }
                }
            }
        }
        return (c, ldc)
    }

    /// The m×n product out of rows of length ldc.
    static func compact(_ result: (c: [Float], ldc: Int), rows m: Int, columns n: Int) -> [Float] {
        (0..<m).flatMap { i -> ArraySlice<Float> in result.c[(i * result.ldc)..<(i * result.ldc + n)] }
    }

    /// Every transpose combination, with and without accumulation: the largest difference to the
    /// Double-accumulated naive product, and whether the row padding stayed NaN.
    static func check(_ kernel: FloatGEMMKernel, m: Int, n: Int, k: Int, panelFloats: Int = WideFloatGEMM.panelFloats) {
        for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
            let seed = UInt64(m * 1_000_003 + n * 1009 + k)
            let a: Matrix<Float> = TestMatrices.gaussian(ta ? k : m, ta ? m : k, seed: seed)
            let b: Matrix<Float> = TestMatrices.gaussian(tb ? n : k, tb ? k : n, seed: seed + 1)
            let reference = TestMatrices.naiveProduct(a, b, transposeA: ta, transposeB: tb)
            let start: Matrix<Float> = TestMatrices.gaussian(m, n, seed: seed + 2)
            for accumulate in [false, true] {
                let (c, ldc) = product(kernel, a, b, transposeA: ta, transposeB: tb,
                                       start: accumulate ? start.elements : nil, panelFloats: panelFloats)
                var worst = 0.0
                var paddingKept = true
                for i in 0..<m {
                    for j in 0..<n {
                        let expected = reference[i, j] + (accumulate ? Double(start[i, j]) : 0)
                        let difference = abs(Double(c[i * ldc + j]) - expected)
                        worst = difference.isNaN ? .infinity : max(worst, difference)
                    }
                    for j in n..<ldc { paddingKept = paddingKept && c[i * ldc + j].isNaN }
                }
                // Float sums of k unit-variance products: rounding grows like k·ε at worst.
                #expect(worst < 1e-5 * Double(k) + 1e-5,
                        "\(kernel) m=\(m) n=\(n) k=\(k) tA=\(ta) tB=\(tb) accumulate=\(accumulate): off by \(worst)")
                #expect(paddingKept, "\(kernel) m=\(m) n=\(n) k=\(k) tA=\(ta) tB=\(tb): wrote past column n")
            }
        }
    }

    @Test("The AVX2/FMA kernel matches the naive product", .enabled(if: CPUFeatures.hasAVX2FMA, "this CPU has no AVX2/FMA"),
          arguments: shapes)
    func avx2KernelMatchesNaiveProduct(m: Int, n: Int, k: Int) {
        Self.check(.avx2FMA, m: m, n: n, k: k)
    }

    /// A packed-B budget of two or three 16-column strips splits B into several column panels.
    @Test("The AVX2/FMA kernel matches the naive product across column panels",
          .enabled(if: CPUFeatures.hasAVX2FMA, "this CPU has no AVX2/FMA"), arguments: [(40, 100, 300), (31, 77, 600)])
    func avx2KernelMatchesAcrossColumnPanels(m: Int, n: Int, k: Int) {
        Self.check(.avx2FMA, m: m, n: n, k: k, panelFloats: 2 * 16 * k + 5)
    }

    @Test("The portable Swift kernel matches the naive product", arguments: shapes)
    func portableKernelMatchesNaiveProduct(m: Int, n: Int, k: Int) {
        Self.check(.portable, m: m, n: n, k: k)
    }

    @Test func innerDimensionZeroGivesZerosOrKeepsC() {
        let a = Matrix<Float>(rows: 3, columns: 0)
        let b = Matrix<Float>(rows: 0, columns: 2)
        for kernel in FloatGEMMKernel.allCases where kernel.isAvailable {
            let zeros = Self.compact(Self.product(kernel, a, b, transposeA: false, transposeB: false, start: nil), rows: 3, columns: 2)
            #expect(zeros == [0, 0, 0, 0, 0, 0], "\(kernel)")
            let start: [Float] = [1, 2, 3, 4, 5, 6]
            let kept = Self.compact(Self.product(kernel, a, b, transposeA: false, transposeB: false, start: start), rows: 3, columns: 2)
            #expect(kept == start, "\(kernel)")
        }
    }

    /// `Matrix.product` runs the kernel `FloatGEMMKernel.active` names: its bytes equal that kernel's and, where the two
    /// kernels round differently (FMA), differ from the other one's.
    @Test func floatProductsTakeTheKernelTheCPUAllows() {
        let a: Matrix<Float> = TestMatrices.gaussian(37, 300, seed: 5)
        let b: Matrix<Float> = TestMatrices.gaussian(300, 45, seed: 6)
        let viaProduct = Matrix.product(a, b).elements
        let portableRows = Self.compact(Self.product(.portable, a, b, transposeA: false, transposeB: false, start: nil),
                                        rows: 37, columns: 45)
        #expect(!GEMM<SIMD4<Double>>.usesWideKernel, "Double products never take the float kernel")
        guard CPUFeatures.hasAVX2FMA else {
            #expect(viaProduct == portableRows)
            return
        }
        let wideRows = Self.compact(Self.product(.avx2FMA, a, b, transposeA: false, transposeB: false, start: nil), rows: 37, columns: 45)
        #expect(wideRows != portableRows, "the two kernels should round differently somewhere in 37×45 sums of 300")
        #expect(viaProduct == (FloatGEMMKernel.active == .avx2FMA ? wideRows : portableRows))
    }
}
