import Foundation
import Testing
@testable import Pipeline
import Thresholding

@Suite struct ReportWriterMarkdownTests {
    static func section(_ md: String, _ heading: String) -> String {
        guard let start = md.range(of: heading) else { return "" }
        let rest = md[start.upperBound...]
        return String(rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)])
    }

    /// Each strategy's row carries its estimated FPR on the held-out good scores, with the interval.
    @Test func everyStrategyRowHasItsEstimatedFPR() throws {
        let r = try ReportTestData.full()
        let md = ReportWriter.markdown(r, extraFiles: [])
        let table = Self.section(md, "## Every strategy")
        #expect(table.contains("| estimated FPR on calibration (95% CI) |"))
        for e in r.comparison.entries {
            guard let f = e.fitted else { continue }
            let k = r.calibrationScores.filter { $0 >= f.value }.count
            let interval = try BinomialInterval.clopperPearson(successes: k, trials: 200)
            let name = e.name == r.recommended.strategy ? "**\(e.name)**" : e.name
            let row = table.split(separator: "\n").first { $0.hasPrefix("| \(name) |") }
            #expect(row?.contains(String(format: "| %.3f (%.3f–%.3f) |", Double(k) / 200, interval.lower, interval.upper)) == true,
                    "\(e.name): \(row ?? "no row")")
        }
    }

    @Test func runSectionNamesSeedCommandVersionAndDate() throws {
        let md = ReportWriter.markdown(try ReportTestData.full(), extraFiles: [])
        let run = Self.section(md, "## Run")
        #expect(run.contains("- seed: 1234\n"))
        #expect(run.contains("- command: `thresholdkit compare --dataset /data/widget --report out`\n"))
        #expect(run.contains("- ThresholdKit 9.8.7\n"))
        #expect(run.contains("- date: 2023-11-14T22:13:20Z\n"))
    }

    /// One row per test folder with its count, flagged images and rate, matching a count by hand.
    @Test func perCategoryTableCountsEachDefectType() throws {
        let r = try ReportTestData.full()
        let t = try #require(r.recommendedThreshold)
        let table = Self.section(ReportWriter.markdown(r, extraFiles: []), "## Per category")
        for (category, measure) in [("good", "FPR"), ("crack", "recall"), ("scratch", "recall")] {
            let images = r.test.filter { $0.category == category }, flagged = images.filter { $0.score >= t }.count
            let rate = String(format: "%.3f", Double(flagged) / Double(images.count))
            #expect(table.contains("| \(category) | \(images.count) | \(flagged) | \(measure) \(rate) |"), "\(category)")
        }
    }

    /// The lists name the worst images first, with paths relative to the dataset and scores, cut at 20
    /// with the number left out.
    @Test func falseAlarmAndMissListsAreWorstFirstAndCapped() throws {
        let r0 = try ReportTestData.full()
        let lowest = try #require(r0.test.filter { !$0.isAnomalous }.map(\.score).min())
        let r = ReportTestData.moving(r0, threshold: lowest)   // every one of the 40 good images is a false alarm
        let md = ReportWriter.markdown(r, extraFiles: [])
        let alarms = Self.section(md, "## False alarms")
        #expect(alarms.contains(": 40 good image(s) scored ≥"))
        #expect(alarms.contains("The 20 worst of 40, highest score first; 20 more are not listed"))
        let worst = try #require(r.test.filter { !$0.isAnomalous }.max { $0.score < $1.score })
        let name = (worst.path as NSString).lastPathComponent
        #expect(alarms.contains("| 1 | `test/good/\(name)` | good | \(ReportWriter.number(worst.score)) |"))
        #expect(!alarms.contains("| 21 |"))
        // Misses at that threshold: the anomalous images below the lowest good score, lowest first.
        let misses = Self.section(md, "## Misses")
        let missed = r.test.filter { $0.isAnomalous && $0.score < lowest }.sorted { $0.score < $1.score }
        if let first = missed.first {
            #expect(misses.contains("| 1 | `\(r.relativePath(first.path))` |"))
        } else {
            #expect(misses.contains("None."))
        }
    }

    /// Without maps the report says in one line why there are no overlays.
    @Test func withoutMapsOneLineSaysWhyThereAreNoOverlays() throws {
        let md = ReportWriter.markdown(try ReportTestData.full(), extraFiles: [],
                                       overlays: .init(note: "No anomaly-map overlays: the scorer kde draws no anomaly maps."))
        #expect(Self.section(md, "## Anomaly maps of the worst mistakes") == "\n\nNo anomaly-map overlays: the scorer kde draws no anomaly maps.\n")
    }
}
