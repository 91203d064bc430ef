import ArrayFormats
import Foundation
import Testing
@testable import Commands

@Suite struct DemoCommandTests {
    /// Registry order: the good-only strategies, the synthetic ones, then the transductive one and the oracles.
    static let imageKeys = CompareCommandTests.keys.filter { !$0.hasPrefix("oracle") && !$0.hasPrefix("batch") }
        + ["synthetic-ba", "synthetic-f1", "synthetic-ba-fpr", "batch-ba", "oracle-best-f1", "oracle-best-balanced-accuracy"]

    @Test func noArgumentsRunsTheImageDemoAndRecommendsAThreshold() throws {
        let r = runCLI([])
        #expect(r.code == 0)
        for key in Self.imageKeys { #expect(r.stdout.contains(key)) }
        #expect(r.stdout.contains("recommended: "))
        let j = try runCLI(["demo", "--json"]).json()
        #expect(j.objectValue?.map(\.key) == ["auroc", "n_calibration", "alpha", "strategies", "calibration", "scorer", "recommended", "recommendation_check"])
        #expect(j["strategies"]?.objectValue?.map(\.key) == Self.imageKeys)
        #expect(j["n_calibration"]?.doubleValue == 40)   // 20% of 200 training images
        let recommended = try #require(j["recommended"]?["strategy"]?.stringValue)
        #expect(!recommended.hasPrefix("oracle"))
        // The defects are visible in pixels: the scorer ranks them well, and the recommendation works.
        #expect((j["auroc"]?.doubleValue ?? 0) > 0.9)
        #expect((j["strategies"]?[recommended]?["balanced_accuracy"]?.doubleValue ?? 0) > 0.75)
    }

    @Test func sameSeedSameBytesAndConformalHoldsItsRate() throws {
        let a = runCLI(["demo", "--scores", "--json", "--seed", "3"])
        let b = runCLI(["demo", "--scores", "--json", "--seed", "3"])
        #expect(a.stdout == b.stdout)
        #expect(a.stdout != runCLI(["demo", "--scores", "--json", "--seed", "4"]).stdout)
        let j = try a.json()
        #expect(j["n_calibration"]?.doubleValue == 200)
        // The realised FPR varies with the calibration draw, Beta(10, 191) for n = 200 (sd 0.0153),
        // and with the 400 test-good scores (binomial sd 0.0109): 3 combined sd above α is 0.107.
        let fpr = try #require(j["strategies"]?["conformal"]?["fpr"]?.doubleValue)
        #expect(fpr <= 0.107)
        let auroc = try #require(j["auroc"]?.doubleValue)
        #expect(auroc > 0.8 && auroc < 1)
    }

    /// The report keeps the fitted detector, and `predict` uses it on new images.
    @Test func reportKeepsADetectorThatPredicts() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tk-demo-report-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = runCLI(["demo", "--quiet", "--report", dir])
        #expect(r.code == 0, "\(r.stderr)")
        let md = try String(contentsOfFile: dir + "/report.md", encoding: .utf8)
        #expect(md.contains("`detector.tkd`"))
        #expect(md.contains("thresholdkit predict --model detector.tkd"))
        // The command line is rebuilt in the spec's option order, whatever order they were typed in.
        #expect(md.contains("- command: `thresholdkit demo --report \(dir) --quiet`\n"))
        #expect(md.contains("- ThresholdKit \(ThresholdKitCLI.version)\n"))
        let report = try JSONValue.parse(String(contentsOfFile: dir + "/report.json", encoding: .utf8))
        #expect(report["detector"]?.stringValue == "detector.tkd")
        let images = try FileManager.default.contentsOfDirectory(atPath: dir + "/synthetic")
            .filter { $0.hasSuffix(".png") && !$0.hasSuffix("_mask.png") }.sorted().map { dir + "/synthetic/" + $0 }
        #expect(images.count >= 4)
        let p = runCLI(["predict", "--model", dir + "/detector.tkd", "--json"] + images)
        #expect(p.code == 0, "\(p.stderr)")
        let items = try #require(try p.json().arrayValue)
        #expect(items.map { $0["input"]?.stringValue } == images)
        // The stored threshold is the recommended strategy's, and labels follow it.
        let recommended = try #require(report["recommended"]?["strategy"]?.stringValue)
        let threshold = try #require(report["strategies"]?[recommended]?["threshold"]?.doubleValue)
        for item in items {
            let score = try #require(item["score"]?.doubleValue)
            #expect(item["label"]?.intValue == (score >= threshold ? 1 : 0))
            #expect(item["index"]?.intValue == 0)
        }
    }

    @Test func helpAndVersion() {
        let h = runCLI(["--help"])
        #expect(h.code == 0)
        for c in ["threshold", "compare", "label", "demo"] { #expect(h.stdout.contains(c)) }
        for c in ["threshold", "compare", "label", "demo"] {
            let r = runCLI([c, "--help"])
            #expect(r.code == 0)
            #expect(r.stdout.contains("USAGE: thresholdkit \(c)"))
        }
        #expect(runCLI(["frobnicate"]).code == 2)
        #expect(runCLI(["demo", "--seed", "-1"]).code == 2)
    }
}
