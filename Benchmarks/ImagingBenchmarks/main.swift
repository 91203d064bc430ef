// Decoder speed on the real sets against Pillow (libpng + zlib) decoding the same files in the same run,
// when python3 has Pillow; ANCHORS.md's figure is quoted beside it.
// Run in release: `swift run -c release ImagingBenchmarks [DATASETS_DIR] [--json]`; DATASETS_DIR defaults to
// $THRESHOLDKIT_SHARED/datasets or the datasets in ../shared beside the package. Files are read into memory
// first, so only decoding is timed, on one core (the pipeline decodes two files at a time).
import BenchmarkSupport
import Foundation
import Imaging
import TestSupport

var report = BenchmarkReport(benchmark: "ImagingBenchmarks", cores: 1)
let root = report.arguments.first ?? SharedReference.path("datasets")
let passes = 3
/// Pillow's PNG decode of the bottle images, from the side-by-side table of ANCHORS.md.
let quotedPillowRate = 47.5

func files(_ folder: String, extension ext: String) -> [String] {
    let names = (try? FileManager.default.subpathsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.lowercased().hasSuffix(ext) }.sorted().map { folder + "/" + $0 }
}

/// Best of `passes` passes over `inputs`: (images per second, MB of compressed input per second).
func measure(_ inputs: [(String, [UInt8])]) throws -> (Double, Double) {
    let bytes = Double(inputs.reduce(0) { $0 + $1.1.count })
    var sink = 0
    let best = try bestSeconds(runs: passes) {
        for (path, data) in inputs { sink &+= try ImageFile.decode(data, file: path).image.width }
    }
    precondition(sink != 0)
    return (Double(inputs.count) / best, bytes / best / 1e6)
}

/// Pillow's best of `passes` passes decoding the same files from memory (`Image.open(BytesIO).load()`), in images per second.
func pillowRate(_ paths: [String]) -> Result<Double, ReferenceUnavailable> {
    let script = """
        import io, sys, time
        from PIL import Image
        paths = open(sys.argv[1]).read().split("\\n")
        data = [open(p, "rb").read() for p in paths]
        best = float("inf")
        for _ in range(\(passes)):
            t = time.perf_counter()
            for d in data:
                im = Image.open(io.BytesIO(d)); im.load()
            best = min(best, time.perf_counter() - t)
        print(len(data) / best)
        """
    return PythonReference.run(script: script, inputs: [("files.txt", Data(paths.joined(separator: "\n").utf8))]).flatMap { run in
        guard let rate = Double(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            return .failure(ReferenceUnavailable(reason: "python3 with Pillow printed no rate"))
        }
        return .success(rate)
    }
}

let png = Array(files(root + "/bottle/train/good", extension: ".png").prefix(40))
let jpeg = Array(files(root + "/mtile", extension: ".jpg").prefix(400))
if png.isEmpty && jpeg.isEmpty {
    report.skip("png_decode_900x900_per_s", reason: "no datasets under \(root) (pass DATASETS_DIR or set THRESHOLDKIT_SHARED)")
}
report.say("decode only, one core, best of \(passes) passes")
if !png.isEmpty {
    let inputs = png.map { ($0, [UInt8](FileManager.default.contents(atPath: $0)!)) }
    // Ours, Pillow, ours again: the best of both rounds, as a busy moment on a shared machine hits either side.
    var (rate, mb) = try measure(inputs)
    let pillow = pillowRate(png)
    let again = try measure(inputs)
    if again.0 > rate { (rate, mb) = again }
    report.say(String(format: "PNG  bottle 900×900 RGB, %3d files   %7.1f images/s  %6.1f MB/s", png.count, rate, mb))
    report.record("png_decode_900x900_per_s", rate)
    report.record("png_decode_900x900_mb_per_s", mb)
    switch pillow {
    case let .success(reference):
        report.say(String(format: "     Pillow (same run)                %7.1f images/s   ratio %.2f×  goal ≥ 1×", reference, rate / reference))
        report.record("png_decode_pillow_per_s", reference)
        report.record("png_decode_vs_pillow_ratio", rate / reference)
    case let .failure(why):
        report.skip("png_decode_pillow_per_s", reason: why.reason)
    }
    report.say(String(format: "     Pillow (%@)      %7.1f images/s   ratio %.2f×", anchorsSource, quotedPillowRate, rate / quotedPillowRate))
    report.recordQuoted("png_decode_pillow_quoted_per_s", quotedPillowRate, source: anchorsSource)
}
if !jpeg.isEmpty {
    let (rate, mb) = try measure(jpeg.map { ($0, [UInt8](FileManager.default.contents(atPath: $0)!)) })
    report.say(String(format: "JPEG magnetic tile, %3d files         %7.1f images/s  %6.1f MB/s   (no anchor: reported)", jpeg.count, rate, mb))
    report.record("jpeg_decode_mtile_per_s", rate)
    report.record("jpeg_decode_mtile_mb_per_s", mb)
}
report.finish()
