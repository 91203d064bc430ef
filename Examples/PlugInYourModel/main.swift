// Use 1: plug ThresholdKit into a model you already have.
//
// Your model only has to produce a score where higher means more anomalous.
// Here the "model" is a closure: the distance of a 2-D feature from the mean
// of the good training features. Any scorer (anomalib, an ONNX model, a KDE)
// fits the same three lines: score held-out good samples, fit, label.
import Foundation
import ThresholdKit

var rng = SeededGenerator(seed: 1)
func goodSample(_ g: inout SeededGenerator) -> [Double] { [g.nextGaussian(), g.nextGaussian()] }

// Your model, trained on good samples only.
let training = (0..<500).map { _ in goodSample(&rng) }
let centre = [training.map { $0[0] }.reduce(0, +) / 500, training.map { $0[1] }.reduce(0, +) / 500]
let model: ([Double]) -> Double = { x in ((x[0] - centre[0]) * (x[0] - centre[0]) + (x[1] - centre[1]) * (x[1] - centre[1])).squareRoot() }

// 1. Score good samples the model did NOT train on.
let calibration = (0..<200).map { _ in model(goodSample(&rng)) }
// 2. Fit a threshold with a stated false-alarm rate.
let threshold = try ConformalThreshold(alpha: 0.01).fit(normal: calibration)
// 3. Label new samples (score ≥ threshold is anomalous), with p-values.
let incoming: [[Double]] = [[0.1, -0.3], [2.9, 2.8], [-0.8, 1.1]]
let scores = incoming.map(model)
for (x, e) in zip(incoming, try threshold.explain(scores, calibration: calibration)) {
    print(x, e.isAnomalous ? "anomalous" : "good", "score", e.score, "p-value", e.pValue ?? .nan)
}
print("threshold", threshold.value, "targets FPR", threshold.targetFPR ?? .nan)

// Or let ThresholdKit fit the scorer too, and keep the whole detector (scorer, threshold,
// calibration scores) in one file: here a KDE on the same 2-D features.
var job = DetectorTraining(scorer: ScorerSettings(kind: .kde), threshold: .strategy(ConformalThreshold(alpha: 0.01)))
job.scorer.componentCount = 2
let goodRows = training.map { $0.map(Float.init) }
let fitted = try job.fit(DetectorTraining.Samples(vectors: goodRows, features: .vectors(dimension: 2))).detector
let path = FileManager.default.temporaryDirectory.appendingPathComponent("plug-in-example.tkd").path
try fitted.write(to: path)
let loaded = try Detector.read(path: path)
let rows = Matrix<Float>(rows: incoming.count, columns: 2, elements: incoming.flatMap { $0.map(Float.init) })
for (x, p) in zip(incoming, try loaded.predict(rows)) {
    print(x, p.isAnomalous ? "anomalous" : "good", "KDE score", p.score, "p-value", p.pValue ?? .nan)
}
