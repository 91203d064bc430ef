import ArrayFormats
import Features
import Foundation
import Imaging
import LinearAlgebra
@testable import Pipeline
import Randomness
import Scoring
import Testing
import Thresholding

/// The pixel level end to end, without weights: PatchCore over `BlockPatchExtractor` on a small
/// generated MVTec set whose defects are bright squares with their ground-truth masks.
@Suite(.serialized) struct PixelPipelineTests {
    /// 60 good 48×48 grey images (a smooth gradient with noise), 10 good and 10 defective test images.
    static func dataset(masks: Bool) throws -> String {
        let root = DetectorTestData.temporaryFolder()
        var g = SeededGenerator(seed: 21)
        func good() -> [UInt8] { (0..<(48 * 48)).map { p in UInt8(clamping: 60 + (p % 48) + g.nextInt(below: 10)) } }
        func save(_ pixels: [UInt8], _ relative: String) throws {
            let path = root + "/" + relative
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try ImageFile.write(Image(width: 48, height: 48, channels: 1, pixels: pixels), to: path)
        }
        for i in 0..<60 { try save(good(), String(format: "train/good/%03d.png", i)) }
        for i in 0..<10 { try save(good(), String(format: "test/good/%03d.png", i)) }
        for i in 0..<10 {
            var pixels = good(), mask = [UInt8](repeating: 0, count: 48 * 48)
            let x0 = 6 + g.nextInt(below: 30), y0 = 6 + g.nextInt(below: 30)
            for y in y0..<(y0 + 10) { for x in x0..<(x0 + 10) { pixels[y * 48 + x] = 250; mask[y * 48 + x] = 255 } }
            try save(pixels, String(format: "test/square/%03d.png", i))
            if masks { try save(mask, String(format: "ground_truth/square/%03d_mask.png", i)) }
        }
        return root
    }

    static let descriptor = ScorerDescriptor(
        name: "patchcore-blocks", summary: "PatchCore over 4×4 pixel blocks (tests)", parameters: [],
        acceptedFeatures: nil, archivedType: PatchCoreScorer.self,
        make: { _, seed, _ in PatchCoreScorer(settings: PatchCoreSettings(coresetFraction: 0.5, projectionDimension: 0, blurSigma: 1, seed: seed)) },
        makeExtractor: { _, _, _ in BlockPatchExtractor() })

    static func compare(_ root: String) throws -> DatasetComparison.Outcome {
        var job = DatasetComparison(datasetPath: root)
        job.scorer = descriptor
        job.scorerValues = descriptor.emptyValues
        job.cache = nil
        job.alpha = 0.1
        return try job.run()
    }

    @Test func compareReportsPixelMetricsAndEveryPixelStrategyAgainstTheMasks() throws {
        let root = try Self.dataset(masks: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let outcome = try Self.compare(root)
        let pixel = try #require(outcome.result.pixel)
        #expect(pixel.skipped == nil)
        // Bright 10×10 squares on a dim gradient: the maps find them.
        #expect((pixel.auroc ?? 0) > 0.9, "pixel AUROC \(pixel.auroc ?? .nan)")
        #expect((pixel.aupro ?? 0) > 0.5)
        #expect(Set(pixel.entries.map(\.key)) == ["pixel-conformal-image", "pixel-conformal", "pixel-synthetic-f1", "pixel-synthetic-ba",
                                                  "pixel-oracle-best-f1"])
        let image = try #require(pixel.entries.first { $0.key == "pixel-conformal-image" })
        #expect(image.guarantee.contains("1 − α"))
        #expect((image.recall?.imageRecall ?? 0) == 1)
        let json = outcome.result.json()
        #expect(json["pixel"]?["strategies"]?["pixel-conformal-image"]?["threshold"]?.doubleValue == image.threshold?.value)
        #expect(json["pixel"]?["auroc"]?.doubleValue == pixel.auroc)
        // The detector keeps the per-image rule and the maxima it was fitted on.
        let detector = outcome.detector
        #expect(detector.pixelThreshold == image.threshold)
        #expect(detector.pixelThreshold == (try ConformalThreshold(alpha: 0.1).fit(normal: detector.pixelMaxima).renamed("pixel-conformal-image")))
        #expect(outcome.testMaps.count == 20 && outcome.testMasks.allSatisfy { $0 != nil })
    }

    @Test func withoutMasksThePixelSectionSaysWhy() throws {
        let root = try Self.dataset(masks: false)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let outcome = try Self.compare(root)
        #expect(outcome.result.pixel?.skipped?.contains("no ground_truth masks") == true)
        #expect(outcome.result.json()["pixel"]?["skipped"]?.stringValue?.contains("ground_truth") == true)
        #expect(outcome.result.warnings.contains { $0.contains("pixel metrics skipped") })
    }

    @Test func aMapDetectorReloadsBitIdenticallyAndItsMasksFlagTheSquares() throws {
        let root = try Self.dataset(masks: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let detector = try Self.compare(root).detector
        try detector.write(to: root + "/d.tkd")
        let loaded = try Detector.read(path: root + "/d.tkd")
            .attachingExtractor(registry: ExtractorRegistry.standard.adding(BlockPatchExtractor.self))
        #expect(loaded.pixelThreshold == detector.pixelThreshold)
        #expect(loaded.pixelMaxima == detector.pixelMaxima)
        let squares = (0..<10).map { root + String(format: "/test/square/%03d.png", $0) }
        let a = try detector.predictWithMaps(images: squares).predictions
        let b = try loaded.predictWithMaps(images: squares).predictions
        #expect(a.map(\.map) == b.map(\.map))
        #expect(a.map(\.prediction.score) == b.map(\.prediction.score))
        for p in b {
            #expect(p.map.width == 48 && p.map.height == 48)
            let truth = try ImageFile.read(path: root + "/ground_truth/square/" + (p.path as NSString).lastPathComponent
                                           .replacingOccurrences(of: ".png", with: "_mask.png")).image
            guard case .uint8(let t) = truth.samples else { Issue.record("mask not 8-bit"); continue }
            let hits = zip(p.mask, t).filter { $0 > 0 && $1 > 0 }.count
            #expect(hits > 50, "\(p.path): \(hits) of 100 square pixels flagged")
        }
    }

    @Test func mapFilesMirrorInputPathsAndAreNeverReplacedSilently() throws {
        let root = try Self.dataset(masks: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let detector = try Self.compare(root).detector
        let images = [root + "/test/good/000.png", root + "/test/square/000.png"]
        let predictions = try detector.predictWithMaps(images: images).predictions
        let writer = try MapWriter(directory: root + "/maps", inputs: [root + "/test"], images: images, force: false)
        for p in predictions { try writer.write(p, pixelThreshold: detector.pixelThreshold!.value) }
        // MVTec repeats 000.png in every folder: the folder below the input is kept.
        for stem in ["good/000", "square/000"] {
            let map = try NPY.read(path: root + "/maps/\(stem).npy")
            #expect(map.shape == [48, 48])
            #expect(try ImageFile.read(path: root + "/maps/\(stem)_heatmap.png").image.channels == 3)
            #expect(try ImageFile.read(path: root + "/maps/\(stem)_mask.png").image.width == 48)
        }
        let square = try #require(predictions.last)
        #expect(try NPY.read(path: root + "/maps/square/000.npy").floats() == square.map.values)
        // A second run refuses to replace them, unless forced.
        #expect(throws: PipelineError.self) { try MapWriter(directory: root + "/maps", inputs: [root + "/test"], images: images, force: false) }
        _ = try MapWriter(directory: root + "/maps", inputs: [root + "/test"], images: images, force: true)
        // Two files of the same name given directly would land on one output: refused.
        #expect(throws: PipelineError.self) {
            try MapWriter(directory: root + "/other", inputs: images, images: images, force: false)
        }
    }

    /// Over many seeded draws of good images, the per-image conformal pixel threshold flags a new
    /// good image with probability at most α, and close to it (split-conformal on maxima).
    @Test func perImagePixelConformalHoldsItsGuaranteeOverSeededDraws() throws {
        var g = SeededGenerator(seed: 5)
        let n = 39, alpha = 0.1, draws = 300
        var falseAlarms = 0, trials = 0
        for _ in 0..<draws {
            func maximum() -> Double { (0..<64).map { _ in g.nextGaussian() }.max()! }
            let scores = PixelScores(goodMaxima: (0..<n).map { _ in maximum() })
            let t = try scores.fit(.imageConformal, alpha: alpha)
            for _ in 0..<20 { trials += 1; if maximum() >= t.value { falseAlarms += 1 } }
        }
        let rate = Double(falseAlarms) / Double(trials)
        let se = (alpha * (1 - alpha) / Double(trials)).squareRoot()
        // E[FPR] = 1 − ⌈(n+1)(1−α)⌉/(n+1) = 0.1 for n = 39.
        #expect(rate <= alpha + 3 * se && rate >= alpha - 1.0 / Double(n + 1) - 3 * se, "realised \(rate)")
    }

    @Test func pixelStrategiesReadWhatTheyDeclare() throws {
        let scores = PixelScores(goodMaxima: (1...19).map(Double.init), goodPixels: (0..<100).map { Double($0) / 100 },
                                 syntheticInside: [0.995, 0.996, 0.5], syntheticOutside: [0.1, 0.2])
        // k = ⌈20·0.9⌉ = 18: just above the 18th smallest maximum.
        #expect(try scores.fit(.imageConformal, alpha: 0.1).value == (18.0).nextUp)
        #expect(try scores.fit(.imageConformal, alpha: 0.1).strategy == "pixel-conformal-image")
        // k = ⌈101·0.9⌉ = 91 → the 91st smallest pixel, 0.90.
        #expect(try scores.fit(.pixelConformal, alpha: 0.1).value == (0.90).nextUp)
        #expect(try scores.fit(.manual, alpha: 0.1, value: 0.7).value == 0.7)
        let synthetic = try scores.fit(.syntheticF1, alpha: 0.1)
        #expect(synthetic.strategy == "pixel-synthetic-f1" && synthetic.value == 0.995)
        #expect(throws: PipelineError.self) { try PixelScores(goodPixels: [1, 2]).fit(.syntheticBalancedAccuracy, alpha: 0.1) }
    }
}

extension FittedThreshold {
    func renamed(_ name: String) -> FittedThreshold { var c = self; c.strategy = name; return c }
}
