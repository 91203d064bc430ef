// Decoder speed on the real sets, against ANCHORS.md (Pillow/libpng 42 images/s on bottle).
// Run in release: `swift run -c release ImagingBenchmarks [DATASETS_DIR]`; DATASETS_DIR defaults to
// $THRESHOLDKIT_SHARED/datasets or the datasets in ../shared beside the package. Files are read into memory first, so only
// decoding is timed, on one core (the pipeline decodes two files at a time).
import Foundation
import Imaging
import TestSupport

let root = CommandLine.arguments.dropFirst().first ?? SharedReference.path("datasets")

func files(_ folder: String, extension ext: String) -> [String] {
    let names = (try? FileManager.default.subpathsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.lowercased().hasSuffix(ext) }.sorted().map { folder + "/" + $0 }
}

/// Best of three passes over `inputs`: (images per second, MB of compressed input per second).
func measure(_ inputs: [(String, [UInt8])]) throws -> (Double, Double) {
    let bytes = Double(inputs.reduce(0) { $0 + $1.1.count })
    var best = Double.infinity
    var sink = 0
    for _ in 0..<3 {
        let start = Date()
        for (path, data) in inputs { sink &+= try ImageFile.decode(data, file: path).image.width }
        best = min(best, Date().timeIntervalSince(start))
    }
    precondition(sink != 0)
    return (Double(inputs.count) / best, bytes / best / 1e6)
}

let png = Array(files(root + "/bottle/train/good", extension: ".png").prefix(40))
let jpeg = Array(files(root + "/mtile", extension: ".jpg").prefix(400))
guard !png.isEmpty || !jpeg.isEmpty else {
    print("skipped: no datasets under \(root) (pass DATASETS_DIR or set THRESHOLDKIT_SHARED)")
    exit(0)
}
print("decode only, one core, best of 3 passes (anchor from ANCHORS.md)")
if !png.isEmpty {
    let (rate, mb) = try measure(png.map { ($0, [UInt8](FileManager.default.contents(atPath: $0)!)) })
    print(String(format: "PNG  bottle 900×900 RGB, %3d files   %7.1f images/s  %6.1f MB/s   Pillow/libpng 42 /s   ratio %.2f×  goal ≥ 1×",
                 png.count, rate, mb, rate / 42))
}
if !jpeg.isEmpty {
    let (rate, mb) = try measure(jpeg.map { ($0, [UInt8](FileManager.default.contents(atPath: $0)!)) })
    print(String(format: "JPEG magnetic tile, %3d files         %7.1f images/s  %6.1f MB/s   (no anchor: reported)", jpeg.count, rate, mb))
}
