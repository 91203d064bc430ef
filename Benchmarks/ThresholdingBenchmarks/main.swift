// Times the sweep-based metrics and thresholds on 10⁶ seeded scores against
// the stdlib sort, the anomalib anchor, and (when python3 + numpy are present)
// a numpy re-implementation of the same PR-curve F1 search run on the same data.
//
// Build and run in release: swift run -c release ThresholdingBenchmarks [--json]
import BenchmarkSupport
import Foundation
import Randomness
import Thresholding

/// anomalib's adaptive-F1 threshold on 10⁶ scores (torchmetrics PR curve, 2 cores),
/// from /work/shared/ANCHORS.md, the side-by-side table of 2026-12-03.
let anomalibAdaptiveF1Seconds = 0.173
/// The speed-up over that anchor the project aims for.
let goalSpeedup = 4.0

var report = BenchmarkReport(benchmark: "ThresholdingBenchmarks")
let scoreCount = 1_000_000
let runs = 7

// 10% anomalies, shifted two standard deviations up: overlapping classes, so
// the F1 optimum sits inside the data rather than at an end.
func makeScores(count: Int, seed: UInt64) -> (scores: [Double], labels: [Bool]) {
    var generator = SeededGenerator(seed: seed)
    var scores: [Double] = []
    var labels: [Bool] = []
    scores.reserveCapacity(count)
    labels.reserveCapacity(count)
    for _ in 0..<count {
        let isAnomalous = generator.nextUnitInterval() < 0.1
        scores.append(generator.nextGaussian() + (isAnomalous ? 2 : 0))
        labels.append(isAnomalous)
    }
    return (scores, labels)
}
let (scores, labels) = makeScores(count: scoreCount, seed: 20_261_123)
let normal = zip(scores, labels).filter { !$0.1 }.map(\.0)
let anomalous = zip(scores, labels).filter { $0.1 }.map(\.0)

/// The fastest of `runs` timings of `body`, in seconds; `prepare` runs untimed before each.
func bestSeconds<State>(prepare: () -> State, _ body: (inout State) -> Void) -> Double {
    let clock = ContinuousClock()
    var best = Double.infinity
    for _ in 0..<runs {
        var state = prepare()
        let start = clock.now
        body(&state)
        let elapsed = clock.now - start
        let c = elapsed.components
        best = min(best, Double(c.seconds) + Double(c.attoseconds) * 1e-18)
    }
    return best
}

// Results are folded into a sink that is printed, so no timed work can be optimised away.
var sink = 0.0

let stdlibSort = bestSeconds(prepare: { scores }) { values in
    values.sort()
    sink += values[values.count / 2]
}
let radixSort = bestSeconds(prepare: { scores }) { values in
    values.radixSort()
    sink += values[values.count / 2]
}
precondition(scores.radixSorted() == scores.sorted(), "radix sort disagrees with the stdlib sort")

var fitted: FittedThreshold?
let adaptiveF1 = bestSeconds(prepare: { () }) { _ in
    fitted = try? AdaptiveF1Threshold().fit(normal: normal, anomalous: anomalous)
}
var balanced: FittedThreshold?
let bestBalanced = bestSeconds(prepare: { () }) { _ in
    balanced = try? BestBalancedAccuracyThreshold().fit(normal: normal, anomalous: anomalous)
}
var area = Double.nan
let aurocSeconds = bestSeconds(prepare: { () }) { _ in
    area = (try? auroc(normal: normal, anomalous: anomalous)) ?? .nan
}
var ap = Double.nan
let apSeconds = bestSeconds(prepare: { () }) { _ in
    ap = (try? averagePrecision(normal: normal, anomalous: anomalous)) ?? .nan
}

/// The numpy reference's timings and answer, or why it was skipped.
struct NumpyReference {
    var f1Seconds: Double
    var sortSeconds: Double
    var threshold: Double
    var f1: Double
}

/// sklearn's PR-curve recipe (stable argsort descending, cumsum, last index of
/// each distinct score), then the first F1 maximum over ascending thresholds.
let numpyScript = """
    import sys, time
    import numpy as np
    s = np.fromfile(sys.argv[1], dtype=np.float64)
    y = np.fromfile(sys.argv[2], dtype=np.uint8).astype(bool)
    def adaptive_f1(s, y):
        order = np.argsort(s, kind="mergesort")[::-1]
        s, y = s[order], y[order]
        idx = np.r_[np.where(np.diff(s))[0], y.size - 1]
        tps = np.cumsum(y)[idx]
        fps = 1 + idx - tps
        f1 = 2 * tps / (tps + fps + tps[-1])
        k = f1.size - 1 - np.argmax(f1[::-1])
        return s[idx][k], f1[k]
    best_f1 = best_sort = float("inf")
    for _ in range(\(runs)):
        t = time.perf_counter(); result = adaptive_f1(s, y); best_f1 = min(best_f1, time.perf_counter() - t)
        t = time.perf_counter(); np.sort(s); best_sort = min(best_sort, time.perf_counter() - t)
    print(best_f1, best_sort, repr(float(result[0])), repr(float(result[1])))
    """

func runNumpyReference(scores: [Double], labels: [Bool]) -> Result<NumpyReference, ReferenceUnavailable> {
    let inputs = [("scores.f64", scores.withUnsafeBytes { Data($0) }), ("labels.u8", Data(labels.map { $0 ? 1 : 0 }))]
    return PythonReference.run(script: numpyScript, inputs: inputs).flatMap { run in
        let fields = run.stdout.split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
        guard fields.count == 4 else { return .failure(ReferenceUnavailable(reason: "python3 with numpy printed \(fields.count) numbers, not 4")) }
        return .success(NumpyReference(f1Seconds: fields[0], sortSeconds: fields[1], threshold: fields[2], f1: fields[3]))
    }
}

@MainActor func row(_ operation: String, _ seconds: Double, _ reference: String, _ referenceSeconds: Double?) {
    report.say(comparisonRow(operation, seconds, reference, referenceSeconds, operationWidth: 34, referenceWidth: 36))
}

let numpy = runNumpyReference(scores: scores, labels: labels)

report.say("ThresholdKit metrics benchmark: \(scoreCount) scores (\(anomalous.count) anomalous), best of \(runs) runs")
report.say(String(repeating: "-", count: 100))
report.say("operation                          ours (s)   reference                             ref (s)  speed-up")
row("sort 10⁶ doubles (radix)", radixSort, "Swift stdlib sort() (same run)", stdlibSort)
if case let .success(reference) = numpy {
    row("", radixSort, "numpy np.sort (same run)", reference.sortSeconds)
}
row("adaptive-F1 fit", adaptiveF1, "anomalib 2.7 (\(anchorsSource))", anomalibAdaptiveF1Seconds)
switch numpy {
case let .success(reference):
    row("", adaptiveF1, "numpy reference (same run)", reference.f1Seconds)
case let .failure(why):
    report.skip("adaptive_f1_numpy_s", reason: why.reason)
}
row("best-balanced-accuracy fit", bestBalanced, "", nil)
row("AUROC", aurocSeconds, "", nil)
row("average precision", apSeconds, "", nil)
report.say(String(repeating: "-", count: 100))

let speedup = anomalibAdaptiveF1Seconds / adaptiveF1
report.say(
    String(
        format: "adaptive-F1 goal: ≥ %.0f× faster than anomalib (≤ %.3f s): %.1f× — ",
        goalSpeedup, anomalibAdaptiveF1Seconds / goalSpeedup, speedup)
        + (speedup >= goalSpeedup ? "met" : "NOT met"))
if let fitted {
    report.say("adaptive-F1 threshold \(fitted.value), F1 \(fitted.detail("f1") ?? .nan)")
    if case let .success(reference) = numpy {
        report.say("numpy reference threshold \(reference.threshold), F1 \(reference.f1): "
            + (reference.threshold == fitted.value ? "same threshold" : "DIFFERENT threshold"))
    }
}
if let balanced {
    report.say("best-balanced-accuracy threshold \(balanced.value), BA \(balanced.detail("balanced_accuracy") ?? .nan)")
}
report.say("AUROC \(area), AP \(ap)   (sink \(sink))")

report.record("adaptive_f1_1e6_s", adaptiveF1)
report.recordQuoted("adaptive_f1_anomalib_s", anomalibAdaptiveF1Seconds, source: anchorsSource)
report.record("adaptive_f1_vs_anomalib_ratio", anomalibAdaptiveF1Seconds / adaptiveF1)
if case let .success(reference) = numpy {
    report.record("adaptive_f1_numpy_s", reference.f1Seconds)
    report.record("adaptive_f1_vs_numpy_ratio", reference.f1Seconds / adaptiveF1)
    report.record("adaptive_f1_matches_numpy", reference.threshold == fitted?.value ? "same threshold" : "DIFFERENT threshold")
    report.record("sort_1e6_numpy_s", reference.sortSeconds)
}
report.record("sort_1e6_radix_s", radixSort)
report.record("sort_1e6_stdlib_s", stdlibSort)
report.record("best_balanced_accuracy_1e6_s", bestBalanced)
report.record("auroc_1e6_s", aurocSeconds)
report.record("average_precision_1e6_s", apSeconds)
report.finish()
