// Use 1: plug ThresholdKit into a model you already have.
//
// Part 1: your model only has to produce a score where higher means more anomalous.
// Score good samples it did not train on, fit a threshold, label new samples.
//
// Part 2: your model as a scorer type inside a whole detector. `Mahalanobis` below is a
// user-defined scorer (not part of ThresholdKit): it conforms to `VectorScorer` (fit and
// score a matrix) and `ArchivableScorer` (save and restore itself), so a detector built on
// it is fitted, written to a file, read back through a registry that knows the type, and
// predicts with bit-identical scores.
import Foundation
import ThresholdKit

var rng = SeededGenerator(seed: 1)
func goodSample(_ g: inout SeededGenerator) -> [Double] { [g.nextGaussian(), 0.5 * g.nextGaussian() + 0.3 * g.nextGaussian()] }

// MARK: Part 1 — any score function
let training = (0..<500).map { _ in goodSample(&rng) }
let centre = [training.map { $0[0] }.reduce(0, +) / 500, training.map { $0[1] }.reduce(0, +) / 500]
let model: ([Double]) -> Double = { x in ((x[0] - centre[0]) * (x[0] - centre[0]) + (x[1] - centre[1]) * (x[1] - centre[1])).squareRoot() }

let calibration = (0..<200).map { _ in model(goodSample(&rng)) }          // 1. good samples the model did NOT train on
let threshold = try ConformalThreshold(alpha: 0.01).fit(normal: calibration)  // 2. a stated false-alarm rate
let incoming: [[Double]] = [[0.1, -0.3], [2.9, 2.8], [-0.8, 1.1]]
for (x, p) in zip(incoming, try threshold.predict(incoming.map(model), calibration: calibration)) {  // 3. labels, p-values
    print(x, p.isAnomalous ? "anomalous" : "good", "score", p.score, "p-value", p.pValue ?? .nan)
}
print("threshold", threshold.value, "targets FPR", threshold.targetFPR ?? .nan)

// MARK: Part 2 — your own scorer type in a detector file

/// The squared Mahalanobis distance to the good samples' mean, with a diagonal covariance.
struct Mahalanobis: VectorScorer, ArchivableScorer {
    static let kind = "example-mahalanobis"
    var mean: [Float] = []
    var variance: [Float] = []

    init() {}

    mutating func fit(normal x: Matrix<Float>) throws(ScoringError) {
        guard x.rows >= 2 else { throw .tooFewSamples(needed: 2, got: x.rows) }
        mean = (0..<x.columns).map { j in (0..<x.rows).map { x[$0, j] }.reduce(0, +) / Float(x.rows) }
        variance = (0..<x.columns).map { j in
            max(1e-12, (0..<x.rows).map { (x[$0, j] - mean[j]) * (x[$0, j] - mean[j]) }.reduce(0, +) / Float(x.rows - 1))
        }
    }

    func score(_ x: Matrix<Float>) throws(ScoringError) -> [Double] {
        guard !mean.isEmpty else { throw .notFitted }
        guard x.columns == mean.count else { throw .dimensionMismatch(expected: mean.count, got: x.columns) }
        return (0..<x.rows).map { i in (0..<x.columns).reduce(0.0) { s, j in
            let d = Double(x[i, j] - mean[j]); return s + d * d / Double(variance[j]) } }
    }

    func archived() throws(ScoringError) -> ArchiveRecord {
        guard !mean.isEmpty else { throw .notFitted }
        return ArchiveRecord(settings: ["diagonal": true], arrays: [("mean", NPYArray(mean)), ("variance", NPYArray(variance))])
    }

    init(restoring record: ArchiveRecord) throws(ScoringError) {
        do throws(ArchiveFieldError) {
            mean = try record.floats("mean", shape: [nil]).values
            variance = try record.floats("variance", shape: [mean.count]).values
        } catch { throw .archive(error) }
    }
}

let goodRows = Matrix<Float>(rows: training.count, columns: 2, elements: training.flatMap { $0.map(Float.init) })
let detector = try Detector.fit(goodRows, scorer: Mahalanobis(), threshold: ConformalThreshold(alpha: 0.01))
let path = FileManager.default.temporaryDirectory.appendingPathComponent("plug-in-example.tkd").path
try detector.write(to: path)
let loaded = try Detector.read(path: path, registry: ScorerCatalog.standard.registry.adding(Mahalanobis.self))
let rows = Matrix<Float>(rows: incoming.count, columns: 2, elements: incoming.flatMap { $0.map(Float.init) })
let before = try detector.scores(rows), after = try loaded.scores(rows)
for (x, p) in zip(incoming, try loaded.predict(rows)) {
    print(x, p.isAnomalous ? "anomalous" : "good", "Mahalanobis", p.score, "p-value", p.pValue ?? .nan)
}
print("reloaded from \(path): scores bit-identical:", before == after)

// A scorer that cannot be saved still works in memory; saving it is a clear error.
let inMemory = try Detector.fit(goodRows, scorer: ClosureScorer { x in Double(abs(x[0])) }, threshold: ConformalThreshold(alpha: 0.05))
print("in memory:", try inMemory.predict(rows).map(\.isAnomalous))
do { try inMemory.write(to: path + ".closure") } catch { print("saving it:", error) }
