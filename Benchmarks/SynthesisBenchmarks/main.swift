// Synthesis speed against anomalib's anchors (ANCHORS.md, quoted: anomalib does not run here):
// Perlin noise 256×256 and a Perlin anomaly on a 3×256×256 image. Run in release:
//   swift run -c release SynthesisBenchmarks [--json]
import BenchmarkSupport
import Dispatch
import Foundation
import Imaging
import Randomness
import Synthesis

/// Best-of-`rounds` rate in operations per second, each round running `body` `count` times.
func rate(rounds: Int = 5, count: Int, _ body: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<rounds {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<count { body() }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        best = min(best, seconds / Double(count))
    }
    return 1 / best
}

var report = BenchmarkReport(benchmark: "SynthesisBenchmarks", cores: 1)
// anomalib's rates from the side-by-side table of ANCHORS.md (2026-12-03).
let anomalibNoiseRate = 198.0
let anomalibAnomalyRate = 65.8

@MainActor func row(_ name: String, _ ours: Double, unit: String, anchor: Double?, goal: Double?) {
    var line = "\(name.padding(toLength: 44, withPad: " ", startingAt: 0)) \(String(format: "%10.1f", ours)) \(unit)"
    if let anchor {
        line += "   anchor \(String(format: "%7.1f", anchor)) \(unit)   ratio \(String(format: "%6.1f", ours / anchor))×"
        if let goal { line += "   goal ≥ \(Int(goal))×" }
    }
    report.say(line)
}

var generator = SeededGenerator(seed: 2024)
var sink: Float = 0

// A smooth RGB test image: the anomaly's cost does not depend on content.
let side = 256
let pixels = (0..<(side * side * 3)).map { UInt8(truncatingIfNeeded: ($0 / 3) % side + ($0 % 3) * 40) }
let image = Image(width: side, height: side, channels: 3, pixels: pixels)

report.say("Synthesis benchmarks (release, one thread, best of 5; anchors: anomalib, \(anchorsSource))\n")

let noise = PerlinNoise()
let noiseRate = rate(count: 400) {
    sink += noise.generate(width: side, height: side, using: &generator).values[0]
}
row("Perlin noise 256×256", noiseRate, unit: "/s", anchor: anomalibNoiseRate, goal: 10)

let fractal = PerlinNoise(octaves: 4)
let fractalRate = rate(count: 200) {
    sink += fractal.generate(width: side, height: side, using: &generator).values[0]
}
row("Perlin noise 256×256, 4 octaves", fractalRate, unit: "/s", anchor: nil, goal: nil)

let maskGenerator = PerlinMaskGenerator()
let maskRate = rate(count: 200) {
    sink += Float(maskGenerator.generate(width: side, height: side, using: &generator).mask.values[0])
}
row("Perlin mask 256×256 (retrying)", maskRate, unit: "/s", anchor: nil, goal: nil)

let always = PerlinAnomalyGenerator(probability: 1)
let anomalyRate = rate(count: 100) {
    sink += Float(always.generate(from: image, using: &generator).blendFactor ?? 0)
}
row("Perlin anomaly 3×256×256 (always applied)", anomalyRate, unit: "/s", anchor: anomalibAnomalyRate, goal: 5)

let halfTime = PerlinAnomalyGenerator()
let defaultRate = rate(count: 200) {
    sink += Float(halfTime.generate(from: image, using: &generator).blendFactor ?? 0)
}
row("Perlin anomaly 3×256×256 (probability 0.5)", defaultRate, unit: "/s", anchor: nil, goal: nil)

var augmentationRates: [(String, Double)] = []
for augmentation in AnomalyAugmentation.allCases {
    let source = PlanarImage(image)
    let r = rate(count: 50) { sink += augmentation.apply(to: source, using: &generator).values[0] }
    row("  augmentation \(augmentation.rawValue)", r, unit: "/s", anchor: nil, goal: nil)
    augmentationRates.append((augmentation.rawValue, r))
}

let large = PlanarImage(width: 900, height: 900, channels: 3, repeating: 0.5)
let resizeRate = rate(count: 50) { sink += large.resized(width: 256, height: 256).values[0] }
row("antialiased resize 3×900×900 → 256×256", resizeRate, unit: "/s", anchor: nil, goal: nil)
report.say("  per resize: \(String(format: "%.2f", 1000 / resizeRate)) ms")

let noisePlane = noise.generate(width: side, height: side, using: &generator)
let rotateRate = rate(count: 200) { sink += noisePlane.rotated(degrees: 33).values[0] }
row("rotation 1×256×256 (the mask step)", rotateRate, unit: "/s", anchor: nil, goal: nil)

if sink.isNaN { report.say("unreachable: keeps the work observable") }

report.record("perlin_anomaly_256_per_s", anomalyRate)
report.recordQuoted("perlin_anomaly_256_anomalib_per_s", anomalibAnomalyRate, source: anchorsSource)
report.record("perlin_anomaly_256_vs_anomalib_ratio", anomalyRate / anomalibAnomalyRate)
report.record("perlin_anomaly_256_p05_per_s", defaultRate)
report.record("perlin_noise_256_per_s", noiseRate)
report.recordQuoted("perlin_noise_256_anomalib_per_s", anomalibNoiseRate, source: anchorsSource)
report.record("perlin_noise_256_vs_anomalib_ratio", noiseRate / anomalibNoiseRate)
report.record("perlin_noise_256_4_octaves_per_s", fractalRate)
report.record("perlin_mask_256_per_s", maskRate)
for (name, rate) in augmentationRates { report.record("augmentation_\(name)_256_per_s", rate) }
report.record("resize_900_to_256_per_s", resizeRate)
report.record("rotate_256_per_s", rotateRate)
report.finish()
