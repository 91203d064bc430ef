// Deep SVDD training speed against the PyTorch anchors of ANCHORS.md (CPU, 2 threads).
// Run in release: `swift run -c release DeepSVDDBenchmarks`. Inputs are seeded random
// tensors of the anchor shapes: timing does not depend on the pixel values.
import Foundation
import Randomness
import Scoring

/// CPU seconds this process has used so far, summed over all its threads.
func processCPUSeconds() -> Double {
    Double(clock()) / Double(CLOCKS_PER_SEC)
}

/// Wall and CPU seconds per epoch: the median gaps between consecutive end-of-epoch callbacks,
/// so the centre computation and the final scoring pass are not counted. CPU/wall is the number
/// of cores the run actually got: below 2 the machine was shared.
func secondsPerEpoch(_ samples: Tensor, _ architecture: DeepSVDDArchitecture,
                     pretraining: Bool, epochs: Int) throws -> (wall: Double, cores: Double) {
    var config = DeepSVDDConfiguration()
    config.batchSize = 16
    config.pretrainingEpochs = pretraining ? epochs : 0
    config.epochs = pretraining ? 0 : epochs
    var stamps: [(wall: Date, cpu: Double)] = []
    _ = try DeepSVDD.train(on: samples, architecture: architecture, configuration: config) { _ in
        stamps.append((Date(), processCPUSeconds()))
    }
    let gaps = zip(stamps.dropFirst(), stamps).map { ($0.wall.timeIntervalSince($1.wall), $0.cpu - $1.cpu) }
        .sorted { $0.0 < $1.0 }
    let median = gaps[gaps.count / 2]
    return (median.0, median.1 / median.0)
}

/// Multiply-add FLOPs of one training epoch of the 128×128 encoder (and decoder), from the layer shapes.
func convolutionFLOPs(images: Int, autoencoder: Bool) -> Double {
    // (input channels, output channels, resolution) of each 5×5 convolution.
    let encoder = [(1, 32, 128), (32, 64, 64), (64, 64, 32), (64, 64, 16), (64, 32, 8)]
    let decoder = [(32, 64, 8), (64, 64, 16), (64, 64, 32), (64, 32, 64), (32, 1, 128)]
    func pass(_ c: (Int, Int, Int)) -> Double { 2 * Double(c.0 * c.1 * 25 * c.2 * c.2) }
    // Forward, weight gradient, and input gradient (not needed for the first layer).
    var perImage = encoder.reduce(0) { $0 + 3 * pass($1) } - pass(encoder[0])
    if autoencoder { perImage += decoder.reduce(0) { $0 + 3 * pass($1) } }
    return perImage * Double(images)
}

func randomTensor(_ shape: [Int], seed: UInt64) -> Tensor {
    var g = SeededGenerator(seed: seed)
    return Tensor(shape: shape, values: (0..<shape.reduce(1, *)).map { _ in Float(g.nextUnitInterval()) })
}

let arguments = Set(CommandLine.arguments.dropFirst())
let runAll = arguments.isEmpty
print("Deep SVDD training, 209 samples, batch 16 (median epoch of the run; PyTorch anchors from ANCHORS.md)")
print("")

if runAll || arguments.contains("mlp") {
    let x = randomTensor([209, 1280], seed: 1)
    let (t, cores) = try secondsPerEpoch(x, .efficientNetFeatures, pretraining: false, epochs: 11)
    // Forward, weight gradient and input gradient of both layers, less the first layer's input gradient.
    let perSample: Double = 2 * (3 * (1280 * 512 + 512 * 128) - 1280 * 512)
    let flops = 209 * perSample
    print(String(format: "MLP 1280-512-128 one-class epoch   %7.3f s   PyTorch 0.036 s     ratio %5.2f×   %5.1f GFLOP/s   %.1f cores  %4.1f GFLOP/CPU-s",
                 t, t / 0.036, flops / t / 1e9, cores, flops / t / cores / 1e9))
}
if runAll || arguments.contains("conv") {
    let x = randomTensor([209, 1, 128, 128], seed: 2)
    let (t, cores) = try secondsPerEpoch(x, .greyImages128, pretraining: false, epochs: 3)
    print(String(format: "conv 128×128 one-class epoch       %7.2f s   PyTorch 6.1–6.7 s   ratio %5.2f×   %5.1f GFLOP/s   %.1f cores  %4.1f GFLOP/CPU-s",
                 t, t / 6.4, convolutionFLOPs(images: 209, autoencoder: false) / t / 1e9, cores,
                 convolutionFLOPs(images: 209, autoencoder: false) / t / cores / 1e9))
}
if runAll || arguments.contains("ae") {
    let x = randomTensor([209, 1, 128, 128], seed: 3)
    let (t, cores) = try secondsPerEpoch(x, .greyImages128, pretraining: true, epochs: 3)
    print(String(format: "conv 128×128 autoencoder epoch     %7.2f s   PyTorch 14.2–15.4 s ratio %5.2f×   %5.1f GFLOP/s   %.1f cores  %4.1f GFLOP/CPU-s",
                 t, t / 14.8, convolutionFLOPs(images: 209, autoencoder: true) / t / 1e9, cores,
                 convolutionFLOPs(images: 209, autoencoder: true) / t / cores / 1e9))
}
print("")
print("Ratios use the middle of the anchor range; GFLOP/s counts the convolution/matrix products only;")
print("cores = CPU seconds / wall seconds (2 on an idle 2-core machine, less when it is shared);")
print("GFLOP/CPU-s is the rate per core actually received, which sharing the machine disturbs less.")
