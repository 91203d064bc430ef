// Use 4: compare threshold strategies side by side.
//
// Fits every normal-score strategy on calibration scores, evaluates each on a
// labelled test set, and adds the two oracles that peek at the test labels. batch-ba,
// the transductive rule, also sees the test scores (never their labels), as a user
// labelling a production batch would.
import ThresholdKit

var rng = SeededGenerator(seed: 3)
let calibration = (0..<100).map { _ in rng.nextExponential() }
let testGood = (0..<300).map { _ in rng.nextExponential() }
let testBad = (0..<60).map { _ in 2 + rng.nextExponential() }

let comparison = try StrategyComparison(
    strategies: StrategyComparison.normalScoreStrategies(alpha: 0.05) + [BatchMixtureThreshold()],
    calibration: calibration, testNormal: testGood, testAnomalous: testBad)

print("AUROC", comparison.auroc)
for e in comparison.entries {
    guard let counts = e.counts, let fitted = e.fitted else {
        print(e.name, "could not be fitted:", e.error.map { "\($0)" } ?? "")
        continue
    }
    print(e.name, "threshold", fitted.value, "FPR", counts.falsePositiveRate, "TPR", counts.truePositiveRate,
          "BA", counts.balancedAccuracy, e.isOracle ? "(oracle)" : e.isTransductive ? "(transductive)" : "")
}
