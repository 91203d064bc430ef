// Release-only benchmark and full-set match check for the Features module.
//
//   swift run -c release FeaturesBenchmarks [--json]            speed: network images/s at 256×256, GFLOP/s
//   swift run -c release FeaturesBenchmarks match [N] [--json]  cosine vs ../shared reference features (first N per split)
//
// Weights come from $THRESHOLDKIT_WEIGHTS; ../shared from $THRESHOLDKIT_SHARED or beside the package.
// PyTorch does not run here: its rate is quoted from ANCHORS.md.
import ArrayFormats
import BenchmarkSupport
import Features
import Foundation
import Imaging
import TestSupport

var report = BenchmarkReport(benchmark: "FeaturesBenchmarks")
let arguments = report.arguments
let mode = arguments.first ?? "speed"
let limit = arguments.count > 1 ? Int(arguments[1]) : nil
/// PyTorch CPU, 2 threads, EfficientNet-Lite0 at 256², from the side-by-side table of ANCHORS.md.
let pytorchImagesPerSecond = 15.7

let shared = SharedReference.root

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

func loadImage(_ path: String) throws -> Image {
    if path.lowercased().hasSuffix(".png") { return try PNG.read(path: path) }
    return try JPEGDecoder.decode(path: path).image
}

func cosine(_ a: [Float], _ b: [Float]) -> Double {
    var dot = 0.0, na = 0.0, nb = 0.0
    for i in 0..<min(a.count, b.count) {
        dot += Double(a[i]) * Double(b[i]); na += Double(a[i]) * Double(a[i]); nb += Double(b[i]) * Double(b[i])
    }
    return dot / max((na * nb).squareRoot(), .leastNormalMagnitude)
}

do {
    let t0 = now()
    let extractor = try EfficientNetExtractor()
    report.say(String(format: "weights loaded and folded in %.2f s; %@", now() - t0, extractor.identifier))
    report.record("effnet_lite0_weights_load_s", now() - t0)
    let flops = extractor.network.flops(height: 256, width: 256)

    switch mode {
    case "match":
        for set in ["bottle", "mtile"] {
            for split in ["train", "test"] {
                let folder = shared.appendingPathComponent("features/efficientnet-lite0/\(set)")
                let files = try String(contentsOf: folder.appendingPathComponent("\(split)_files.txt"), encoding: .utf8)
                    .split(separator: "\n").map(String.init)
                let reference = try NPY.read(path: folder.appendingPathComponent("\(split).npy").path)
                let values = reference.floats()
                let n = min(limit ?? files.count, files.count)
                let start = now()
                var cosines: [Double] = []
                var worstDelta: Float = 0
                for i in 0..<n {
                    let image = try loadImage(shared.appendingPathComponent("datasets/\(set)/\(files[i])").path)
                    let f = try extractor.features(of: image)
                    let reference = Array(values[i * 1280..<(i + 1) * 1280])
                    cosines.append(cosine(f, reference))
                    worstDelta = max(worstDelta, zip(f, reference).map { abs($0 - $1) }.max() ?? 0)
                }
                let worst = cosines.indices.min { cosines[$0] < cosines[$1] } ?? 0
                report.say(String(format: "%@ %@: n = %d  mean cosine %.9f  min %.9f (%@)  max |Δ| %.2e  %.1f s (decode included)",
                                  set, split, n, cosines.reduce(0, +) / Double(max(n, 1)), cosines.min() ?? .nan, files[worst],
                                  worstDelta, now() - start))
                report.record("match_\(set)_\(split)_count", Double(n))
                report.record("match_\(set)_\(split)_mean_cosine", cosines.reduce(0, +) / Double(max(n, 1)))
                report.record("match_\(set)_\(split)_min_cosine", cosines.min())
                report.record("match_\(set)_\(split)_max_abs_difference", Double(worstDelta))
            }
        }
    default:
        // Network only, on preprocessed 256×256 inputs, as PyTorch's 15.2 images/s in ANCHORS.md measures.
        var inputs: [PlanarImage] = []
        let folder = shared.appendingPathComponent("datasets/bottle/train/good")
        for i in 0..<4 {
            let path = folder.appendingPathComponent(String(format: "%03d.png", i)).path
            let image = (try? loadImage(path)) ?? Image(width: 300, height: 300, channels: 3,
                                                        pixels: (0..<270_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) })
            inputs.append(extractor.preprocessing(image))
        }
        _ = extractor.network.features(preprocessed: inputs[0])  // warm-up
        var best = Double.infinity
        let count = 16
        for _ in 0..<3 {
            let start = now()
            for i in 0..<count { _ = extractor.network.features(preprocessed: inputs[i % inputs.count]) }
            best = min(best, now() - start)
        }
        let rate = Double(count) / best
        report.say(String(format: "network at 256×256: %.2f images/s (best of 3 × %d), %.2f GFLOP per image, %.1f GFLOP/s; "
                              + "PyTorch 2 threads (%@): %.1f images/s, ratio %.2f×", rate, count, flops / 1e9, rate * flops / 1e9,
                          anchorsSource, pytorchImagesPerSecond, rate / pytorchImagesPerSecond))
        report.record("effnet_lite0_256_images_per_s", rate)
        report.record("effnet_lite0_256_gflops", rate * flops / 1e9)
        report.recordQuoted("effnet_lite0_256_pytorch_images_per_s", pytorchImagesPerSecond, source: anchorsSource)
        report.record("effnet_lite0_256_vs_pytorch_ratio", rate / pytorchImagesPerSecond)

        // End to end from decoded images (preprocessing included).
        var images: [Image] = []
        for i in 0..<8 {
            let path = folder.appendingPathComponent(String(format: "%03d.png", i)).path
            if let image = try? loadImage(path) { images.append(image) }
        }
        if !images.isEmpty {
            var elapsed = Double.infinity
            for _ in 0..<3 {
                let start = now()
                _ = try extractor.features(of: images)
                elapsed = min(elapsed, now() - start)
            }
            report.say(String(format: "end to end from %d decoded %d×%d images (preprocessing included, best of 3): %.2f images/s",
                              images.count, images[0].width, images[0].height, Double(images.count) / elapsed))
            report.record("effnet_lite0_end_to_end_images_per_s", Double(images.count) / elapsed)
        }
    }
    report.finish()
} catch {
    // No weights (or no reference data for `match`): say why and still print one object.
    report.skip("effnet_lite0_256_images_per_s", reason: "\(error)")
    report.finish()
}
