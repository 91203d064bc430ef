// Use 3: generate synthetic anomalies from good images, and use them to choose a threshold.
//
// Good images in (here the built-in generated textures; pass a folder of your own PNG/JPEG
// images as the first argument), fake defects out as PNGs with their masks, then the
// `synthetic-ba` threshold: the cut-off with the best balanced accuracy between held-out good
// images and their synthetic versions, fitted without a single real defect.
import Foundation
import ThresholdKit

// 1. Good images: your folder, or 200 generated 64×64 textures.
var good: [Image]
if let folder = CommandLine.arguments.dropFirst().first {
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".png") || $0.hasSuffix(".jpg") }.sorted()
    good = try names.map { try ImageFile.read(path: folder + "/" + $0).image }
} else {
    good = DemoDataset.generate(seed: 1).trainGood
}

// 2. Synthetic anomalies: Perlin-noise masks, blend factor β in [0.5, 1], always applied.
let generator = PerlinAnomalyGenerator(blendRange: 0.5...1.0, probability: 1)
var rng = SeededGenerator(seed: 7)
let output = FileManager.default.temporaryDirectory.appendingPathComponent("thresholdkit-synthetic").path
try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
let heldOut = Array(good.suffix(good.count / 5)), training = Array(good.dropLast(good.count / 5))
let fakes = heldOut.map { generator.generate(from: $0, using: &rng) }
for (i, fake) in fakes.prefix(4).enumerated() {
    try ImageFile.write(fake.image, to: "\(output)/fake_\(i).png")
    try ImageFile.write(fake.mask.image, to: "\(output)/fake_\(i)_mask.png")   // 0 outside, 255 inside
}
print("wrote 4 synthetic anomalies and masks to \(output); mean mask coverage",
      fakes.map(\.mask.coverage).reduce(0, +) / Double(fakes.count))

// 3. Any scorer: here grey 32×32 pixels and the KDE classifier, fitted on good images only.
let extractor = PixelsExtractor()
func rows(_ images: [Image]) throws -> Matrix<Float> { try extractor.features(of: images).rows }
var scorer = KDEClassifier(componentCount: 16)
try scorer.fit(normal: try rows(training))

// 4. Score held-out good images and their synthetic versions; pick the threshold from both.
let goodScores = try scorer.score(try rows(heldOut))
let fakeScores = try scorer.score(try rows(fakes.map(\.image)))
let threshold = try SyntheticAnomalyThreshold(rule: .bestBalancedAccuracy).fit(normal: goodScores, anomalous: fakeScores)
print("synthetic-ba threshold", threshold.value,
      "in-sample TPR", threshold.detail("in_sample_tpr") ?? .nan,
      "in-sample FPR", threshold.detail("in_sample_fpr") ?? .nan,
      "AUROC good vs synthetic", threshold.detail("synthetic_auroc") ?? .nan)
