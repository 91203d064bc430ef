// Use 2: compute a threshold from good scores only.
//
// Reads held-out good scores from a file (CSV with a 'score' column, text,
// .npy or JSON) or, with no argument, generates some. Prints every
// normal-score strategy's cut-off and the false-alarm rate it targets.
import ThresholdKit

let arguments = CommandLine.arguments.dropFirst()
let good: [Double]
if let path = arguments.first {
    good = try ScoreFile.read(path: path).scores
} else {
    var rng = SeededGenerator(seed: 7)
    good = (0..<300).map { _ in rng.nextGaussian(mean: 5, standardDeviation: 1) }
}

for strategy in StrategyComparison.normalScoreStrategies(alpha: 0.05) {
    do {
        let t = try strategy.fit(normal: good)
        print(strategy.name.padding(toLength: 22, withPad: " ", startingAt: 0), t.value,
              "target FPR", t.targetFPR.map { String($0) } ?? "none")
    } catch {
        print(strategy.name.padding(toLength: 22, withPad: " ", startingAt: 0), "unavailable:", error)
    }
}

import Foundation
