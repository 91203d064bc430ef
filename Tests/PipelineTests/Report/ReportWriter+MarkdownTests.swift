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

    /// Each strategy's row carries its cross-fitted expected FPR with the interval, and a guarantee only where one holds.
    @Test func everyStrategyRowHasItsExpectedFPRAndGuarantee() throws {
        let r = try ReportTestData.full()
        let md = ReportWriter.markdown(r, extraFiles: [])
        let table = Self.section(md, "## Every strategy")
        #expect(table.contains("| expected FPR (95% interval) | estimated TPR on fakes | guarantee |"))
        for e in r.comparison.entries {
            guard let x = e.fitted?.expectation else { continue }
            let name = e.name == r.recommended.strategy ? "**\(e.name)**" : e.name
            let row = table.split(separator: "\n").first { $0.hasPrefix("| \(name) |") }
            #expect(row?.contains(String(format: "| %.3f (%.3f–%.3f) |", x.expectedFPR, x.falseAlarms.lower, x.falseAlarms.upper)) == true,
                    "\(e.name): \(row ?? "no row")")
            #expect(row?.contains("P(false alarm) ≤") == x.guarantee.isGuarantee, "\(e.name): \(row ?? "no row")")
        }
    }

    /// The recommended threshold's estimates sit beside the realised test rates, each marked inside or outside.
    @Test func expectationSectionSetsEstimatesBesideRealisedRates() throws {
        let r = try ReportTestData.full()
        let section = Self.section(ReportWriter.markdown(r, extraFiles: []), "## What to expect, and what the test images show")
        let entry = try #require(r.comparison.entries.first { $0.name == r.recommended.strategy })
        let x = try #require(entry.fitted?.expectation), counts = try #require(entry.counts)
        let fprRow = try #require(section.split(separator: "\n").first { $0.hasPrefix("| FPR |") })
        let inside = x.falseAlarms.lower <= counts.falsePositiveRate && counts.falsePositiveRate <= x.falseAlarms.upper
        #expect(fprRow.hasSuffix(inside ? "| inside |" : "| **outside** |"))
        #expect(fprRow.contains(String(format: "| %.3f |", counts.falsePositiveRate)))
        #expect(section.contains("Guarantee: \(x.guarantee.text)."))
        let check = try #require(r.recommendationCheck)
        #expect(section.contains("rank \(check.rank) of \(check.of) good-only strategies"))
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
