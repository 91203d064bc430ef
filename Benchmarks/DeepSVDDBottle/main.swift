// The accuracy check for the convolutional Deep SVDD: AUROC on MVTec bottle at
// 128×128 grey, with the PyTorch anchor's settings (ANCHORS.md: seeds 0, 1, 2 gave
// 0.818, 0.793, 0.848, mean 0.820). Long (tens of minutes per seed): release build only.
//
//   swift run -c release DeepSVDDBottle [DATASET_DIR] [--seeds 0,1,2] [--quiet] [--log]
//
// DATASET_DIR defaults to $THRESHOLDKIT_SHARED/datasets/bottle, or ../shared/datasets/bottle beside the package.
import Features
import Foundation
import Imaging
import Pipeline
import Scoring
import TestSupport
import Thresholding

var arguments = Array(CommandLine.arguments.dropFirst())
let quiet = arguments.contains("--quiet") || isatty(2) == 0
// --log prints one line per epoch on stdout, for runs whose output goes to a file.
let log = arguments.contains("--log")
arguments.removeAll { $0 == "--quiet" || $0 == "--log" }
var seeds: [UInt64] = [0, 1, 2]
if let i = arguments.firstIndex(of: "--seeds"), i + 1 < arguments.count {
    seeds = arguments[i + 1].split(separator: ",").compactMap { UInt64($0) }
    arguments.removeSubrange(i...(i + 1))
}
let root = arguments.first ?? SharedReference.path("datasets/bottle")
guard FileManager.default.fileExists(atPath: root) else {
    print("skipped: no dataset at \(root) (pass DATASET_DIR or set THRESHOLDKIT_SHARED)")
    exit(0)
}

/// The `grey128` features `--scorer svdd-conv` uses: grey, antialiased resize to 128×128, values in [0, 1].
func load(_ paths: [String]) throws -> Tensor {
    let images = try paths.map { try ImageFile.read(path: $0).image }
    let rows = try ExtractorRegistry.standard.make(preset: "grey128").features(of: images)
    return Tensor(shape: [paths.count, 1, 128, 128], values: rows.rows.elements)
}

let dataset = try MVTecDataset.load(root: root)
let train = try load(dataset.trainGood)
let test = try load(dataset.test.map(\.path))
let labels = dataset.test.map(\.isAnomalous)
print("Deep SVDD conv 128×128 on \(root): \(train.count) train, \(test.count) test images")
print("settings: lr 1e-4, weight decay 5e-7, batch 16, 20 autoencoder + 20 one-class epochs")

var results: [Double] = []
for seed in seeds {
    var config = DeepSVDDConfiguration()
    config.seed = seed
    config.batchSize = 16
    config.learningRate = 1e-4
    config.weightDecay = 5e-7
    config.pretrainingLearningRate = 1e-4
    config.pretrainingWeightDecay = 5e-7
    config.pretrainingEpochs = 20
    config.epochs = 20
    let start = Date()
    let trained = try DeepSVDD.train(on: train, architecture: .greyImages128, configuration: config) { p in
        if log {
            print(String(format: "seed %llu %@ epoch %2d/%d loss %.5g  %.0f s", seed, p.phase.description, p.epoch, p.epochCount,
                         p.loss, Date().timeIntervalSince(start)))
            fflush(nil)
        }
        if !quiet {
            FileHandle.standardError.write(Data(String(format: "\rseed %llu %@ epoch %2d/%d loss %.5g   ",
                                                       seed, p.phase.description, p.epoch, p.epochCount, p.loss).utf8))
        }
    }
    if !quiet { FileHandle.standardError.write(Data("\n".utf8)) }
    for warning in trained.warnings { print("warning: \(warning)") }
    let value = try auroc(scores: try trained.model.scores(test), labels: labels)
    results.append(value)
    print(String(format: "seed %llu: AUROC %.4f  (%.0f s)", seed, value, Date().timeIntervalSince(start)))
    fflush(nil)
}
let mean = results.reduce(0, +) / Double(max(results.count, 1))
print(String(format: "mean AUROC %.4f over %d seeds; PyTorch anchor mean 0.820 (0.818 / 0.793 / 0.848); target ≥ 0.818",
             mean, results.count))
