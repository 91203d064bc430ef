// The float GEMM against numpy's matmul (OpenBLAS), the Gaussian KDE against scipy's gaussian_kde,
// both timed in this run when python3 has numpy and scipy, and the KDE classifier fits; anomalib's
// figures are quoted from ANCHORS.md. Also times the thin products the scorers make, to catch
// regressions of the small shapes.
//
// Build and run in release: swift run -c release ScoringBenchmarks [--json]
import BenchmarkSupport
import Foundation
import LinearAlgebra
import Randomness
import Scoring

var report = BenchmarkReport(benchmark: "ScoringBenchmarks", cores: Parallel.coreCount)
let runs = 5
var sink = 0.0

/// n correlated Gaussian samples in d dimensions: x = A·g with a fixed seeded mixing matrix.
func correlatedGaussian(rows n: Int, columns d: Int, seed: UInt64) -> Matrix<Float> {
    var g = SeededGenerator(seed: seed)
    var mixing = Matrix<Float>(rows: d, columns: d)
    var mixer = SeededGenerator(seed: 99)
    for i in 0..<d { for j in 0..<d { mixing[i, j] = Float(mixer.nextGaussian() * (i == j ? 2 : 0.3)) } }
    let raw = Matrix<Float>(rows: n, columns: d, elements: (0..<(n * d)).map { _ in Float(g.nextGaussian()) })
    return Matrix.product(raw, mixing)
}

/// CNN-like features: a decaying spectrum (weights i^-0.9 over 256 latent factors) plus isotropic noise.
func featureLike(rows n: Int, columns d: Int, seed: UInt64) -> Matrix<Float> {
    let r = 256
    var g = SeededGenerator(seed: seed)
    let latent = Matrix<Float>(rows: n, columns: r, elements: (0..<(n * r)).map { i in
        Float(g.nextGaussian() * pow(Double(i % r + 1), -0.9)) })
    var loadings = SeededGenerator(seed: 7)
    let basis = Matrix<Float>(rows: r, columns: d, elements: (0..<(r * d)).map { _ in
        Float(loadings.nextGaussian() / Double(d).squareRoot()) })
    var x = Matrix.product(latent, basis)
    for i in 0..<x.elements.count { x.elements[i] += Float(g.nextGaussian() * 0.01) + 0.5 }
    return x
}

@MainActor func row(_ operation: String, _ seconds: Double, _ reference: String, _ referenceSeconds: Double?) {
    report.say(comparisonRow(operation, seconds, reference, referenceSeconds, operationWidth: 40, referenceWidth: 40))
}

// MARK: - GEMM 2048³ against numpy, interleaved

/// C ← op(A)·op(B) through the project's GEMM entry point, into a caller-owned buffer.
func gemm(_ a: Matrix<Float>, _ b: Matrix<Float>, into c: inout [Float], m: Int, n: Int, k: Int,
          transposeA: Bool = false, transposeB: Bool = false) {
    a.elements.withUnsafeBufferPointer { pa in
        b.elements.withUnsafeBufferPointer { pb in
            c.withUnsafeMutableBufferPointer { pc in
                let opA = transposeA ? StridedOperand(base: pa.baseAddress!, rowStride: 1, columnStride: m)
                    : StridedOperand(base: pa.baseAddress!, rowStride: k, columnStride: 1)
                let opB = transposeB ? StridedOperand(base: pb.baseAddress!, rowStride: 1, columnStride: k)
                    : StridedOperand(base: pb.baseAddress!, rowStride: n, columnStride: 1)
                Float._gemm(opA, opB, into: pc.baseAddress!, m: m, n: n, k: k, ldc: n, accumulate: false)
            }
        }
    }
}

func gaussianMatrix(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix<Float> {
    var g = SeededGenerator(seed: seed)
    return Matrix(rows: rows, columns: columns, elements: (0..<(rows * columns)).map { _ in Float(g.nextGaussian()) })
}

/// numpy's best of `runs` float32 matmuls 2048³ into a preallocated output (OpenBLAS, all threads), in seconds.
func numpyMatmulSeconds(side: Int, runs: Int) -> Result<Double, ReferenceUnavailable> {
    let script = """
        import sys, time
        import numpy as np
        rng = np.random.default_rng(0)
        a = rng.standard_normal((\(side), \(side)), dtype=np.float32)
        b = rng.standard_normal((\(side), \(side)), dtype=np.float32)
        c = np.empty((\(side), \(side)), dtype=np.float32)
        np.matmul(a, b, out=c)
        best = float("inf")
        for _ in range(\(runs)):
            t = time.perf_counter(); np.matmul(a, b, out=c); best = min(best, time.perf_counter() - t)
        print(best)
        """
    return PythonReference.run(script: script, inputs: []).flatMap { run in
        guard let seconds = Double(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            return .failure(ReferenceUnavailable(reason: "python3 with numpy printed no timing"))
        }
        return .success(seconds)
    }
}

let side = 2048
let squareA = gaussianMatrix(side, side, seed: 1)
let squareB = gaussianMatrix(side, side, seed: 2)
var squareC = [Float](repeating: 0, count: side * side)
gemm(squareA, squareB, into: &squareC, m: side, n: side, k: side)  // warm-up: page in C
// Three alternating rounds, best of each side: a busy moment on this shared machine hits both alike.
var oursGEMM = Double.infinity
var numpyGEMM: Result<Double, ReferenceUnavailable> = .failure(ReferenceUnavailable(reason: "not run"))
for _ in 0..<3 {
    oursGEMM = min(oursGEMM, bestSeconds(runs: runs) { gemm(squareA, squareB, into: &squareC, m: side, n: side, k: side) })
    let round = numpyMatmulSeconds(side: side, runs: runs)
    switch (numpyGEMM, round) {
    case let (.success(best), .success(now)): numpyGEMM = .success(min(best, now))
    case (.failure, _): numpyGEMM = round
    default: break
    }
}
sink += Double(squareC[12345])
let gemmFlops = 2 * Double(side * side * side)

// MARK: - Thin products the scorers make (one product each, best of many)

/// (name, m, n, k, transposeA, transposeB): KDE pair blocks and whitening, PCA projections,
/// Deep SVDD batches of 16 forward and backward, pointwise convolutions, and tiny products.
let thinShapes: [(String, Int, Int, Int, Bool, Bool)] = [
    ("1024x1024x1024", 1024, 1024, 1024, false, false),
    ("2000x40000x16", 2000, 40000, 16, false, true),
    ("40000x16x16", 40000, 16, 16, false, false),
    ("2000x32x1280", 2000, 32, 1280, false, false),
    ("1280x32x2000_At", 1280, 32, 2000, true, false),
    ("16x512x1280", 16, 512, 1280, false, false),
    ("1280x512x16_At", 1280, 512, 16, true, false),
    ("16x1280x512_Bt", 16, 1280, 512, false, true),
    ("16384x16x32", 16384, 16, 32, false, false),
    ("4096x144x24", 4096, 144, 24, false, false),
    ("256x1280x320", 256, 1280, 320, false, false),
    ("16x16x16", 16, 16, 16, false, false),
]
var thinSeconds: [(String, Double, Double)] = []
for (name, m, n, k, ta, tb) in thinShapes {
    let a = ta ? gaussianMatrix(k, m, seed: 3) : gaussianMatrix(m, k, seed: 3)
    let b = tb ? gaussianMatrix(n, k, seed: 4) : gaussianMatrix(k, n, seed: 4)
    var c = [Float](repeating: 0, count: m * n)
    let flops = 2 * Double(m * n * k)
    let repeats = max(1, min(2000, Int(1e9 / flops)))
    let seconds = bestSeconds(runs: 7) {
        for _ in 0..<repeats { gemm(a, b, into: &c, m: m, n: n, k: k, transposeA: ta, transposeB: tb) }
    } / Double(repeats)
    sink += Double(c[0])
    thinSeconds.append((name, seconds, flops / seconds / 1e9))
}

// MARK: - Gaussian KDE, fit 40000×16, 2000 queries, against scipy

struct ScipyResult {
    var seconds: Double
    var logDensity: [Double]
}

/// scipy's gaussian_kde fitted on the same points, logpdf of the same queries (best of 3), or why it was skipped.
func runScipy(points: Matrix<Float>, queries: Matrix<Float>) -> Result<ScipyResult, ReferenceUnavailable> {
    let script = """
        import sys, time
        import numpy as np
        from scipy.stats import gaussian_kde
        p = np.fromfile(sys.argv[1], dtype=np.float32).reshape(-1, \(points.columns)).astype(np.float64)
        q = np.fromfile(sys.argv[2], dtype=np.float32).reshape(-1, \(points.columns)).astype(np.float64)
        best = float("inf")
        for _ in range(3):
            t = time.perf_counter(); v = gaussian_kde(p.T).logpdf(q.T); best = min(best, time.perf_counter() - t)
        v.astype(np.float64).tofile(sys.argv[3])
        print(best)
        """
    let inputs = [("points.f32", points.elements.withUnsafeBytes { Data($0) }),
                  ("queries.f32", queries.elements.withUnsafeBytes { Data($0) })]
    return PythonReference.run(script: script, inputs: inputs).flatMap { run in
        guard let seconds = Double(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)), let bytes = run.output else {
            return .failure(ReferenceUnavailable(reason: "python3 with scipy printed no timing"))
        }
        return .success(ScipyResult(seconds: seconds, logDensity: bytes.withUnsafeBytes { Array($0.bindMemory(to: Double.self)) }))
    }
}

let kdePoints = correlatedGaussian(rows: 40000, columns: 16, seed: 1)
let kdeQueries = correlatedGaussian(rows: 2000, columns: 16, seed: 2)
var kde = try GaussianKDE(fitting: kdePoints)
var ours: [Double] = try kde.logDensity(kdeQueries)
@MainActor func timeKDE() throws -> Double {
    try bestSeconds(runs: runs) {
        let fitted = try GaussianKDE(fitting: kdePoints)
        sink += try fitted.logDensity(kdeQueries)[0]
    }
}
// Ours before and after scipy, best of both: the same busy-machine allowance as for the GEMM.
var kdeTotal = try timeKDE()
let scipy = runScipy(points: kdePoints, queries: kdeQueries)
kdeTotal = min(kdeTotal, try timeKDE())
let kdeFit = try bestSeconds(runs: runs) { kde = try GaussianKDE(fitting: kdePoints) }
let kdeScore = try bestSeconds(runs: runs) { ours = try kde.logDensity(kdeQueries) }
let exactSample = Matrix<Float>(rows: 50, columns: 16, elements: Array(kdeQueries.elements[0..<(50 * 16)]))
let exactError = zip(try kde.logDensityExact(exactSample), ours).map { abs($0 - $1) }.max() ?? .nan

// MARK: - KDE classifier fits, 10000×1280 and 2000×1280

let features10000 = featureLike(rows: 10000, columns: 1280, seed: 3)
let features2000 = Matrix<Float>(rows: 2000, columns: 1280, elements: Array(features10000.elements[0..<(2000 * 1280)]))
var classifier = KDEClassifier()
let fit10000 = try bestSeconds(runs: runs) { try classifier.fit(normal: features10000) }
let iterations10000 = classifier.model?.pca.iterations ?? 0
let fit2000 = try bestSeconds(runs: runs) { try classifier.fit(normal: features2000) }
let iterations2000 = classifier.model?.pca.iterations ?? 0
let randomizedAxes = Matrix<Double>(classifier.model!.pca.components)
let exactAxes = try PrincipalComponents(fitting: features2000, componentCount: 16, method: .covariance).components
let angle = principalAngles(randomizedAxes, Matrix<Double>(exactAxes)).max() ?? .nan
let pcaOnly = try bestSeconds(runs: runs) { sink += try PrincipalComponents(fitting: features2000, componentCount: 16).explainedVariance[0] }

// MARK: - Report

// ANCHORS.md, "Added 2026-12-03": anomalib measured side by side on a machine of this size.
let anomalibKDESeconds = 1.045
let anomalibFit10000Seconds = 8.08
let anomalibFit2000Seconds = 0.580

report.say("ThresholdKit scoring benchmark: best of \(runs) runs, \(Parallel.coreCount) cores, float GEMM kernel "
    + FloatGEMMKernel.active.rawValue)
report.say(String(repeating: "-", count: 104))
report.say(String(format: "GEMM 2048³ float32: ours %.1f GFLOP/s", gemmFlops / oursGEMM / 1e9)
    + ((try? numpyGEMM.get()).map { String(format: ", numpy matmul (same run) %.1f GFLOP/s, ratio %.2f× (goal ≥ 0.8×)",
                                            gemmFlops / $0 / 1e9, $0 / oursGEMM) } ?? ""))
report.record("sgemm_kernel", FloatGEMMKernel.active.rawValue)
report.record("sgemm_2048_gflops", gemmFlops / oursGEMM / 1e9)
switch numpyGEMM {
case let .success(seconds):
    report.record("sgemm_2048_numpy_gflops", gemmFlops / seconds / 1e9)
    report.record("sgemm_2048_vs_numpy_ratio", seconds / oursGEMM)
case let .failure(why):
    report.skip("sgemm_2048_numpy_gflops", reason: why.reason)
}
report.say("thin and small products (m×n×k, one product, best of 7):")
for (name, seconds, gflops) in thinSeconds {
    report.say("  " + name.padding(toLength: 18, withPad: " ", startingAt: 0) + String(format: "%10.1f µs %8.1f GFLOP/s", seconds * 1e6, gflops))
    report.record("sgemm_\(name)_s", seconds)
}
report.say(String(repeating: "-", count: 104))
report.say("operation                                 ours (s)   reference                                  ref (s)  speed-up")
row("KDE fit 40000×16 + 2000 queries", kdeTotal, "anomalib GaussianKDE (\(anchorsSource))", anomalibKDESeconds)
report.record("kde_score_40000x16_q2000_s", kdeTotal)
report.recordQuoted("kde_score_anomalib_s", anomalibKDESeconds, source: anchorsSource)
report.record("kde_score_vs_anomalib_ratio", anomalibKDESeconds / kdeTotal)
switch scipy {
case let .success(reference):
    row("", kdeTotal, "scipy gaussian_kde (same run)", reference.seconds)
    report.record("kde_score_scipy_s", reference.seconds)
    report.record("kde_score_vs_scipy_ratio", reference.seconds / kdeTotal)
    report.record("kde_logdensity_vs_scipy_max_abs_difference", zip(reference.logDensity, ours).map { abs($0 - $1) }.max())
case let .failure(why):
    report.skip("kde_score_scipy_s", reason: why.reason)
}
row("  of which fit", kdeFit, "", nil)
row("  of which 2000 log-densities", kdeScore, "", nil)
report.record("kde_fit_40000x16_s", kdeFit)
report.record("kde_logdensity_q2000_s", kdeScore)
report.record("kde_logdensity_vs_exact_max_abs_difference", exactError)
row("KDE classifier fit 10000×1280", fit10000, "anomalib, full SVD (\(anchorsSource))", anomalibFit10000Seconds)
row("KDE classifier fit 2000×1280", fit2000, "anomalib (\(anchorsSource))", anomalibFit2000Seconds)
row("  PCA(16) alone, 2000×1280", pcaOnly, "", nil)
report.record("kde_classifier_fit_10000x1280_s", fit10000)
report.recordQuoted("kde_classifier_fit_10000x1280_anomalib_s", anomalibFit10000Seconds, source: anchorsSource)
report.record("kde_classifier_fit_10000x1280_vs_anomalib_ratio", anomalibFit10000Seconds / fit10000)
report.record("kde_classifier_fit_2000x1280_s", fit2000)
report.recordQuoted("kde_classifier_fit_2000x1280_anomalib_s", anomalibFit2000Seconds, source: anchorsSource)
report.record("kde_classifier_fit_2000x1280_vs_anomalib_ratio", anomalibFit2000Seconds / fit2000)
report.record("pca16_2000x1280_s", pcaOnly)
report.record("pca_randomized_largest_principal_angle_rad", angle)
report.say(String(repeating: "-", count: 104))
report.say(String(format: "log-density, fast route vs exact Double (50 queries): max |difference| %.2e nats", exactError))
if case let .success(reference) = scipy {
    let difference = zip(reference.logDensity, ours).map { abs($0 - $1) }.max() ?? .nan
    report.say(String(format: "log-density vs scipy (2000 queries): max |difference| %.2e nats", difference))
}
report.say("randomized PCA: \(iterations10000) iterations at 10000×1280, \(iterations2000) at 2000×1280; "
    + String(format: "largest principal angle to the exact covariance route (2000×1280): %.2e rad", angle))
if sink.isNaN { report.say("unreachable: keeps the timed work observable") }
report.finish()
