import Foundation
import Randomness
@testable import Scoring
import TestSupport

/// Helpers shared by the Deep SVDD tests (prefixed so they cannot collide with other Scoring tests).
enum DeepSVDDTestSupport {
    /// `count` seeded standard-normal floats.
    static func gaussian(_ count: Int, seed: UInt64, scale: Float = 1) -> [Float] {
        var g = SeededGenerator(seed: seed)
        return (0..<count).map { _ in scale * Float(g.nextGaussian()) }
    }

    /// Σ r ⊙ y in double precision: a scalar loss whose gradient with respect to y is r.
    static func dot(_ y: [Float], _ r: [Float]) -> Double {
        zip(y, r).reduce(0) { $0 + Double($1.0) * Double($1.1) }
    }

    /// The largest difference between an analytic gradient and central differences of `loss`,
    /// relative to the largest numeric entry (or 1, when the gradient is small).
    ///
    /// Float central differences with step h carry a rounding error of about 1e-7·|loss|/h,
    /// so callers pick h around 1e-2 for inputs of unit scale and accept a few 1e-3.
    static func gradientError(at x: [Float], analytic: [Float], step h: Float = 1e-2,
                              loss: ([Float]) -> Double) -> Double {
        precondition(x.count == analytic.count)
        var worst = 0.0
        var largest = 1.0
        var probe = x
        for i in x.indices {
            probe[i] = x[i] + h
            let up = loss(probe)
            probe[i] = x[i] - h
            let down = loss(probe)
            probe[i] = x[i]
            let numeric = (up - down) / (2 * Double(h))
            worst = max(worst, abs(numeric - Double(analytic[i])))
            largest = max(largest, abs(numeric))
        }
        return worst / largest
    }

    /// Pair-count AUROC: P(anomalous score > normal score) + ½·P(tie).
    static func auroc(normal: [Double], anomalous: [Double]) -> Double {
        var wins = 0.0
        for a in anomalous {
            for n in normal { wins += a > n ? 1 : (a == n ? 0.5 : 0) }
        }
        return wins / Double(normal.count * anomalous.count)
    }

    /// The reference data in ../shared (or $THRESHOLDKIT_SHARED), when present.
    static let sharedRoot: URL = SharedReference.root

    static func sharedPath(_ relative: String) -> String { sharedRoot.appendingPathComponent(relative).path }

    /// Whether the tests were compiled with optimisation (CI's `swift test -c release`); unoptimised,
    /// training is about 25 times slower.
    static var isOptimised: Bool {
        #if DEBUG
        return false
        #else
        return true
        #endif
    }

    static var bottleFeaturesAvailable: Bool {
        FileManager.default.fileExists(atPath: sharedPath("features/efficientnet-lite0/bottle/train.npy"))
    }
}
