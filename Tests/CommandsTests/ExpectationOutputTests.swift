import ArrayFormats
import Foundation
import Imaging
import Randomness
import Testing
import Thresholding
@testable import Commands

/// Every fitted threshold says what to expect, and a guarantee appears only where one holds.
@Suite struct ExpectationOutputTests {
    @Test func thresholdJSONStatesTheCrossFittedFPRItsIntervalAndTheConformalBound() throws {
        let f = TempFile((1...10).map(String.init).joined(separator: "\n"), ext: "txt")
        let r = runCLI(["threshold", "--strategy", "conformal", "--alpha", "0.2", "--normal", f.path, "--json"])
        #expect(r.code == 0, "\(r.stderr)")
        let j = try r.json()
        // One false alarm in ten, cross-fitted (see ThresholdExpectationTests for the folds by hand).
        #expect(j["expected_fpr"]?.doubleValue == 0.1)
        let interval = j["expected_fpr_interval"]?.arrayValue?.compactMap(\.doubleValue)
        let exact = try BinomialInterval.clopperPearson(successes: 1, trials: 10)
        let widened = try BinomialInterval.clopperPearson(successes: 1, trials: 6)
        #expect(interval == [exact.lower, widened.upper])
        #expect(j["estimated_tpr"]?.isNull == true)
        #expect(j["guarantee"]?.stringValue == "P(false alarm) ≤ 0.2 (split conformal)")
        #expect(j["guarantee_holds"]?.boolValue == true)
    }

    @Test func aSyntheticThresholdNeverPrintsTheConformalGuarantee() throws {
        let good = TempFile((0..<40).map { String(Double($0) / 10) }.joined(separator: "\n"), ext: "txt")
        let fakes = TempFile((0..<40).map { String(3 + Double($0) / 10) }.joined(separator: "\n"), ext: "txt")
        let r = runCLI(["threshold", "--strategy", "synthetic-ba", "--normal", good.path, "--anomalous", fakes.path])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(!r.stdout.contains("P(false alarm) ≤"))
        #expect(r.stdout.contains("no guarantee: estimate, not a guarantee (fitted on synthetic anomalies)"))
        #expect(r.stdout.contains("estimated TPR 100.0% on 40 synthetic anomalies"))
        let j = try runCLI(["threshold", "--strategy", "synthetic-ba", "--normal", good.path, "--anomalous", fakes.path, "--json"]).json()
        #expect(j["guarantee_holds"]?.boolValue == false)
        #expect(j["estimated_tpr"]?.doubleValue == 1)
    }

    /// The finding: `fit --threshold synthetic-ba` printed the split-conformal guarantee.
    @Test func fitPrintsTheGuaranteeOfTheThresholdItFittedNotOfTheCalibration() throws {
        let dir = NSTemporaryDirectory() + "tk-expect-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/good", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var g = SeededGenerator(seed: 8)
        for i in 0..<30 {
            let pixels = (0..<(32 * 32)).map { p in UInt8(clamping: 60 + (p % 32) * 4 + g.nextInt(below: 9)) }
            try ImageFile.write(Image(width: 32, height: 32, channels: 1, pixels: pixels), to: dir + "/good/\(i).png")
        }
        let synthetic = runCLI(["fit", "--train", dir + "/good", "--features", "pixels", "--pca", "4", "--threshold", "synthetic-ba",
                                "--model", dir + "/s.tkd", "--no-cache"])
        #expect(synthetic.code == 0, "\(synthetic.stderr)")
        #expect(!synthetic.stdout.contains("P(false alarm) ≤"))
        #expect(synthetic.stdout.contains("no guarantee"))
        let conformal = runCLI(["fit", "--train", dir + "/good", "--features", "pixels", "--pca", "4", "--threshold", "conformal",
                                "--alpha", "0.2", "--model", dir + "/c.tkd", "--no-cache", "--json"])
        #expect(conformal.code == 0, "\(conformal.stderr)")
        let j = try conformal.json()
        #expect(j["guarantee"]?.stringValue == "P(false alarm) ≤ 0.2 (split conformal)")
        #expect(j["threshold"]?["expected_fpr"]?.doubleValue == j["expected_fpr"]?.doubleValue)
        // The detector file keeps the expectation, and predict reports the threshold it used.
        let p = runCLI(["predict", "--model", dir + "/c.tkd", dir + "/good/0.png", "--no-cache", "--json"])
        #expect(p.code == 0, "\(p.stderr)")
        #expect(try p.json().arrayValue?.first?["threshold"]?.doubleValue == j["threshold"]?["threshold"]?.doubleValue)
    }

    @Test func recommendedWithAFalseAlarmCapChoosesAmongTheOthersAndSaysWhy() throws {
        var g = SeededGenerator(seed: 3)
        let good = TempFile((0..<200).map { _ in String(g.nextGaussian()) }.joined(separator: "\n"), ext: "txt")
        let fakes = TempFile((0..<100).map { _ in String(g.nextGaussian(mean: 3, standardDeviation: 1)) }.joined(separator: "\n"), ext: "txt")
        let r = runCLI(["threshold", "--strategy", "recommended", "--max-fpr", "0.1", "--normal", good.path, "--anomalous", fakes.path, "--json"])
        #expect(r.code == 0, "\(r.stderr)")
        let j = try r.json()
        #expect(j["strategy"]?.stringValue != "recommended")
        let upper = j["expected_fpr_interval"]?[1]?.doubleValue
        #expect(upper != nil && upper! <= 0.1)
        #expect(j["reason"]?.stringValue?.contains("highest estimated TPR") == true)
        let bad = runCLI(["threshold", "--strategy", "recommended", "--max-fpr", "1.5", "--normal", good.path])
        #expect(bad.code == 2 && bad.stderr.contains("max-fpr"))
    }
}
