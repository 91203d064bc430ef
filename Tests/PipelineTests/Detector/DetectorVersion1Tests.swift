import ArrayFormats
import Foundation
import Pipeline
import Testing

/// Detector files written by ThresholdKit 0.1 (format version 1) still load and predict what that build predicted.
struct DetectorVersion1Tests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").path

    /// The per-sample scores, labels and p-values a 0.1 build printed for `predict --json`.
    static func expected(_ name: String) throws -> [(score: Double, label: Int, pValue: Double?)] {
        let json = try JSONValue.parse(Array(Data(contentsOf: URL(fileURLWithPath: fixtures + "/" + name))), source: name)
        return try #require(json.arrayValue).map { ($0["score"]!.doubleValue!, $0["label"]!.intValue!, $0["p_value"]?.doubleValue) }
    }

    /// Scores are float32 sums; the release GEMM kernel (AVX2 FMA or portable SIMD, chosen at run time)
    /// accumulates in a different order than the build that wrote the fixtures, so agreement is to
    /// float32 rounding, not to the bit. Labels and p-values must still match exactly.
    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 2e-6 * max(1, abs(b)) }

    @Test func version1KDEDetectorPredictsAsTheReleaseThatWroteIt() throws {
        let detector = try Detector.read(path: Self.fixtures + "/kde-v1.tkd")
        #expect(detector.threshold.strategy == "conformal")
        #expect(detector.threshold.targetFPR == 0.1)
        #expect(detector.calibrationScores.count == 20)
        let query = try InputSet.readMatrix(Self.fixtures + "/query.npy")
        let predictions = try detector.predict(query)
        let expected = try Self.expected("kde-v1-predictions.json")
        #expect(predictions.count == expected.count)
        for (p, e) in zip(predictions, expected) {
            #expect(Self.close(p.score, e.score), "\(p.score) vs \(e.score)")
            #expect((p.isAnomalous ? 1 : 0) == e.label)
            #expect(p.pValue == e.pValue)
        }
    }

    @Test func version1PixelsDetectorRebuildsItsExtractorAndPredictsOnImages() throws {
        let dir = DetectorTestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for i in 0..<24 {
            var pixels: [UInt8] = []
            for y in 0..<32 { for x in 0..<32 { pixels.append(UInt8((x * 7 + y * 13 + i * 29 + (x * y) % 11) % 256)) } }
            try Data(Array("P5\n32 32\n255\n".utf8) + pixels).write(to: URL(fileURLWithPath: dir + String(format: "/%02d.pgm", i)))
        }
        let detector = try Detector.read(path: Self.fixtures + "/pixels-v1.tkd").attachingExtractor()
        #expect(detector.threshold.strategy == "iqr")
        let predicted = try detector.predict(images: (0..<24).map { dir + String(format: "/%02d.pgm", $0) })
        let expected = try Self.expected("pixels-v1-predictions.json")
        #expect(predicted.predictions.count == 24)
        for (p, e) in zip(predicted.predictions, expected) {
            #expect(Self.close(p.score, e.score), "\(p.score) vs \(e.score)")
            #expect((p.isAnomalous ? 1 : 0) == e.label)
        }
    }
}
