import Foundation
import Imaging
@testable import Pipeline
import Testing

/// Overlays end to end without weights: PatchCore over `BlockPatchExtractor` on the generated
/// bright-square dataset of ``PixelPipelineTests``.
@Suite(.serialized) struct ReportWriterOverlaysTests {
    /// The report of a map scorer holds PNG overlays of the worst false alarms (up to 5) and the
    /// worst misses (up to 5), and report.md links and shows each.
    @Test func mapScorerReportDrawsOverlaysOfTheWorstMistakes() throws {
        let root = try PixelPipelineTests.dataset(masks: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let outcome = try PixelPipelineTests.compare(root)
        let maps = outcome.testMapsByPath
        #expect(maps.count == 20)
        // 7 false alarms with a threshold between the 3rd and 4th lowest good scores; 10 misses above every score.
        let good = outcome.result.test.filter { !$0.isAnomalous }.map(\.score).sorted()
        for (threshold, alarms, misses) in [((good[2] + good[3]) / 2, 7, nil), (outcome.result.test.map(\.score).max()! + 1, 0, 10)] {
            let r = ReportTestData.moving(outcome.result, threshold: threshold)
            let m = r.mistakes(threshold: threshold, limit: 100)
            #expect(m.falseAlarmCount == alarms)
            if let misses { #expect(m.missCount == misses) }
            let dir = DetectorTestData.temporaryFolder() + "/report"
            defer { try? FileManager.default.removeItem(atPath: (dir as NSString).deletingLastPathComponent) }
            let files = try ReportWriter.write(r, detector: outcome.detector, samples: [], maps: maps, to: dir)
            let overlays = files.filter { $0.hasPrefix("overlays/") }
            func named(_ kind: String, _ images: [DatasetComparisonResult.ScoredImage]) -> [String] {
                images.prefix(5).enumerated().map { "overlays/\(kind)-\($0.offset + 1)-\(ReportWriter.slug(r.relativePath($0.element.path))).png" }
            }
            #expect(overlays == (named("false-alarm", m.falseAlarms) + named("miss", m.misses)).sorted())
            #expect(overlays.count == min(5, m.falseAlarmCount) + min(5, m.missCount))
            let md = try String(contentsOfFile: dir + "/report.md", encoding: .utf8)
            for file in overlays {
                // 48×48 grey images: the image and its overlay side by side, 8-bit RGB.
                let png = try PNG.read(path: dir + "/" + file)
                #expect(png.width == 2 * 48 + AnomalyOverlay.gap && png.height == 48 && png.channels == 3)
                #expect(md.contains("[overlay](\(file))"), "table link to \(file)")
                #expect(md.contains("](\(file))\n"), "inline image \(file)")
            }
            #expect(md.contains("- `overlays/`: \(overlays.count) anomaly-map overlays"))
            #expect(!md.contains("No anomaly-map overlays"))
        }
    }

    /// The overlay's left half is the test image itself, and an image that has gone missing is
    /// skipped and named while the rest are drawn.
    @Test func overlayShowsTheImageAndAMissingImageIsNamed() throws {
        let root = try PixelPipelineTests.dataset(masks: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let outcome = try PixelPipelineTests.compare(root)
        let r = ReportTestData.moving(outcome.result, threshold: outcome.result.test.map(\.score).max()! + 1)
        let misses = r.mistakes(threshold: r.recommendedThreshold!, limit: 5).misses
        let original = try PNG.read(path: misses[0].path)
        try FileManager.default.removeItem(atPath: misses[1].path)
        let dir = DetectorTestData.temporaryFolder() + "/report"
        defer { try? FileManager.default.removeItem(atPath: (dir as NSString).deletingLastPathComponent) }
        let files = try ReportWriter.write(r, detector: outcome.detector, samples: [], maps: outcome.testMapsByPath, to: dir)
        #expect(files.filter { $0.hasPrefix("overlays/") }.count == 4)
        let first = try PNG.read(path: dir + "/overlays/miss-1-\(ReportWriter.slug(r.relativePath(misses[0].path))).png")
        guard case .uint8(let grey) = original.samples, case .uint8(let rgb) = first.samples else { Issue.record("8-bit expected"); return }
        for y in 0..<48 { for x in 0..<48 { #expect(rgb[3 * (y * first.width + x)] == grey[y * 48 + x]) } }
        let md = try String(contentsOfFile: dir + "/report.md", encoding: .utf8)
        #expect(md.contains("Overlays not drawn for 1 image(s): \(r.relativePath(misses[1].path)) ("))
    }

    /// Without maps (a scorer that draws none) there is no overlays folder, and one line says why.
    @Test func withoutMapsNoOverlaysAndOneLineWhy() throws {
        let r = try ReportTestData.full()
        let dir = DetectorTestData.temporaryFolder() + "/report"
        defer { try? FileManager.default.removeItem(atPath: (dir as NSString).deletingLastPathComponent) }
        let files = try ReportWriter.write(r, detector: nil, samples: [], to: dir)
        #expect(!files.contains { $0.hasPrefix("overlays/") })
        #expect(!FileManager.default.fileExists(atPath: dir + "/overlays"))
        let md = try String(contentsOfFile: dir + "/report.md", encoding: .utf8)
        #expect(md.contains("## Anomaly maps of the worst mistakes\n\nNo anomaly-map overlays: the scorer kde draws no anomaly maps"))
    }
}
