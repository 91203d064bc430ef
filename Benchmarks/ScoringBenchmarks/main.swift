// Times the Gaussian KDE and the KDE classifier at ANCHORS.md's shapes against
// anomalib's figures and, when python3 with scipy is present, scipy's
// gaussian_kde.logpdf on the same data in the same run (also checking that both
// give the same log-densities).
//
// Build and run in release: swift run -c release ScoringBenchmarks
import BenchmarkSupport
import Foundation
import LinearAlgebra
import Randomness
import Scoring

// Anchors from /work/shared/ANCHORS.md, "Speed: same shapes, same machine size".
let anomalibKDESeconds = 1.15
let scipyKDEAnchorSeconds = 4.47
let anomalibFit10000Seconds = 7.2
let anomalibFit2000Seconds = 0.77
// The project's goals for the same operations.
let goalKDESeconds = 0.12
let goalFit10000Seconds = 0.5
let goalFit2000Seconds = 0.1

let runs = 5

/// The fastest of `runs` timings of `body`, in seconds.
func bestSeconds(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    var best = Double.infinity
    for _ in 0..<runs {
        let start = clock.now
        try body()
        let c = (clock.now - start).components
        best = min(best, Double(c.seconds) + Double(c.attoseconds) * 1e-18)
    }
    return best
}

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

// MARK: - scipy in the same run

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

func row(_ operation: String, _ seconds: Double, _ reference: String, _ referenceSeconds: Double?) {
    comparisonRow(operation, seconds, reference, referenceSeconds, operationWidth: 40, referenceWidth: 34)
}

func verdict(_ name: String, _ seconds: Double, goal: Double) {
    print(String(format: "%@: %.4f s against a goal of ≤ %.3f s — ", name, seconds, goal) + (seconds <= goal ? "met" : "NOT met"))
}

// MARK: - The release SIMD GEMM kernel against a naive product

// Debug builds (and so `swift test`) run a scalar micro-kernel; this checks the SIMD one.
func checkGEMM() {
    for (m, n, k) in [(37, 45, 300), (130, 9, 517), (5, 200, 33)] {
        for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
            let a = correlatedGaussian(rows: ta ? k : m, columns: ta ? m : k, seed: UInt64(m))
            let b = correlatedGaussian(rows: tb ? n : k, columns: tb ? k : n, seed: UInt64(n))
            let c = Matrix.product(a, b, transposeA: ta, transposeB: tb)
            var worst = 0.0
            var scale = 0.0
            for i in 0..<m {
                for j in 0..<n {
                    var s = 0.0
                    var magnitude = 0.0
                    for p in 0..<k {
                        let x = Double(ta ? a[p, i] : a[i, p]) * Double(tb ? b[j, p] : b[p, j])
                        s += x
                        magnitude += abs(x)
                    }
                    worst = max(worst, abs(Double(c[i, j]) - s))
                    scale = max(scale, magnitude)
                }
            }
            precondition(worst <= 1e-5 * scale, "SIMD GEMM disagrees with the naive product (\(m)×\(n)×\(k))")
        }
    }
}
checkGEMM()

// MARK: - Gaussian KDE, fit 40000×16, 2000 queries

var sink = 0.0
let kdePoints = correlatedGaussian(rows: 40000, columns: 16, seed: 1)
let kdeQueries = correlatedGaussian(rows: 2000, columns: 16, seed: 2)
var kde: GaussianKDE!
let kdeFit = try bestSeconds { kde = try GaussianKDE(fitting: kdePoints) }
var ours: [Double] = []
let kdeScore = try bestSeconds { ours = try kde.logDensity(kdeQueries) }
let kdeTotal = try bestSeconds {
    let fitted = try GaussianKDE(fitting: kdePoints)
    sink += try fitted.logDensity(kdeQueries)[0]
}
let exactSample = Matrix<Float>(rows: 50, columns: 16, elements: Array(kdeQueries.elements[0..<(50 * 16)]))
let exactError = zip(try kde.logDensityExact(exactSample), ours).map { abs($0 - $1) }.max() ?? .nan
let scipy = runScipy(points: kdePoints, queries: kdeQueries)

// MARK: - KDE classifier fits, 10000×1280 and 2000×1280

let features10000 = featureLike(rows: 10000, columns: 1280, seed: 3)
let features2000 = Matrix<Float>(rows: 2000, columns: 1280, elements: Array(features10000.elements[0..<(2000 * 1280)]))
var classifier = KDEClassifier()
let fit10000 = try bestSeconds { try classifier.fit(normal: features10000) }
let iterations10000 = classifier.model?.pca.iterations ?? 0
let fit2000 = try bestSeconds { try classifier.fit(normal: features2000) }
let iterations2000 = classifier.model?.pca.iterations ?? 0
let randomizedAxes = Matrix<Double>(classifier.model!.pca.components)
let exactAxes = try PrincipalComponents(fitting: features2000, componentCount: 16, method: .covariance).components
let angle = principalAngles(randomizedAxes, Matrix<Double>(exactAxes)).max() ?? .nan
let pcaOnly = try bestSeconds { sink += try PrincipalComponents(fitting: features2000, componentCount: 16).explainedVariance[0] }

// MARK: - Report

print("ThresholdKit scoring benchmark: best of \(runs) runs, \(Parallel.coreCount) cores (SIMD GEMM checked against a naive product)")
print(String(repeating: "-", count: 104))
print("operation                                 ours (s)   reference                            ref (s)  speed-up")
row("KDE fit 40000×16 + 2000 queries", kdeTotal, "anomalib GaussianKDE (ANCHORS.md)", anomalibKDESeconds)
row("", kdeTotal, "scipy gaussian_kde (ANCHORS.md)", scipyKDEAnchorSeconds)
switch scipy {
case let .success(reference):
    row("", kdeTotal, "scipy gaussian_kde (same run)", reference.seconds)
case let .failure(why):
    print("scipy reference skipped: \(why.reason)")
}
row("  of which fit", kdeFit, "", nil)
row("  of which 2000 log-densities", kdeScore, "", nil)
row("KDE classifier fit 10000×1280", fit10000, "anomalib, full SVD (ANCHORS.md)", anomalibFit10000Seconds)
row("KDE classifier fit 2000×1280", fit2000, "anomalib (ANCHORS.md)", anomalibFit2000Seconds)
row("  PCA(16) alone, 2000×1280", pcaOnly, "scikit-learn PCA(16) (ANCHORS.md)", 0.125)
print(String(repeating: "-", count: 104))
verdict("KDE scoring", kdeTotal, goal: goalKDESeconds)
verdict("classifier fit 10000×1280", fit10000, goal: goalFit10000Seconds)
verdict("classifier fit 2000×1280", fit2000, goal: goalFit2000Seconds)
print(String(format: "log-density, fast route vs exact Double (50 queries): max |difference| %.2e nats", exactError))
if case let .success(reference) = scipy {
    let difference = zip(reference.logDensity, ours).map { abs($0 - $1) }.max() ?? .nan
    print(String(format: "log-density vs scipy (2000 queries): max |difference| %.2e nats", difference))
}
print("randomized PCA: \(iterations10000) iterations at 10000×1280, \(iterations2000) at 2000×1280; "
    + String(format: "largest principal angle to the exact covariance route (2000×1280): %.2e rad", angle))
print("(sink \(sink))")
