import ArrayFormats
import Foundation
import Thresholding

extension ReportWriter {
    /// report.md: the recommendation and what it does per category first, the charts beside the
    /// tables they illustrate, the images it gets wrong, and how the run was made at the end.
    ///
    /// Every section of report.md is written here, so a new one goes in this file.
    /// - Parameters:
    ///   - extraFiles: the report's other files (synthetic samples, overlays), relative to it.
    ///   - overlays: the anomaly-map overlays drawn, or why there are none.
    ///   - listLimit: the longest list of false alarms, and of misses, written out.
    static func markdown(_ r: DatasetComparisonResult, extraFiles: [String], overlays: Overlays = Overlays(),
                         listLimit: Int = 20) -> String {
        var md = "# ThresholdKit report: \(r.title)\n\n"
        let threshold = r.recommendedThreshold.flatMap { $0.isNaN ? nil : $0 }
        md += "**Recommended threshold: `\(r.recommended.strategy)`**"
            + (threshold.map { " = \(number($0))" } ?? " (could not be fitted)") + " — \(r.recommended.reason)\n\n"
        if let t = threshold { md += summary(r, threshold: t) }
        md += expectation(r)
        if let w = r.shiftWarning { md += "> **Warning:** \(w)\n\n" }
        md += "![Score histograms of the test, calibration and synthetic images with every threshold](histogram.svg)\n\n"
        if let t = threshold { md += categories(r, threshold: t) }
        md += strategies(r)
        md += "![ROC curve of the test images with each strategy's operating point](roc.svg)\n\n"
        if let t = threshold { md += mistakes(r, threshold: t, limit: listLimit, overlays: overlays) }
        md += overlaySection(r, threshold: threshold, overlays: overlays)
        md += run(r)
        md += files(r, extraFiles: extraFiles)
        if !r.warnings.isEmpty { md += "\n## Warnings\n\n" + r.warnings.map { "- \($0)\n" }.joined() }
        return md
    }

    /// One sentence per image set: how many the recommended threshold flags, with the interval.
    static func summary(_ r: DatasetComparisonResult, threshold t: Double) -> String {
        let good = r.test.filter { !$0.isAnomalous }, bad = r.test.filter(\.isAnomalous)
        func part(_ images: [DatasetComparisonResult.ScoredImage], _ what: String, _ measure: String) -> String? {
            let k = images.filter { $0.score >= t }.count
            guard let i = try? BinomialInterval.clopperPearson(successes: k, trials: images.count) else { return nil }
            return "\(k) of \(images.count) \(what) (\(measure) \(rate(i.estimate)), 95% CI \(interval(i)))"
        }
        var parts = [part(good, "good test images flagged", "FPR"), part(bad, "anomalous test images caught", "recall")].compactMap { $0 }
        if let c = r.estimatedFPR(threshold: t) {
            parts.append("\(c.successes) of \(c.trials) calibration images flagged (\(rate(c.estimate)), \(interval(c)))")
        }
        return parts.isEmpty ? "" : "At this threshold: " + parts.joined(separator: "; ") + ".\n\n"
    }

    static func categories(_ r: DatasetComparisonResult, threshold t: Double) -> String {
        var md = "## Per category at `\(r.recommended.strategy)`\n\n"
        md += "| category | images | flagged | rate | 95% interval |\n|---|---:|---:|---|---|\n"
        for c in r.categoryBreakdown(threshold: t) {
            md += "| \(cell(c.category)) | \(c.count) | \(c.flagged) | \(c.isAnomalous ? "recall" : "FPR") \(rate(c.rate.estimate)) | \(interval(c.rate)) |\n"
        }
        return md + "\nA defect type's rate is the share caught (recall); for good images it is the share flagged (false-positive rate).\n\n"
    }

    static func strategies(_ r: DatasetComparisonResult) -> String {
        var md = "## Every strategy\n\n"
        md += "| strategy | threshold | target FPR | expected FPR (95% interval) | estimated TPR on fakes | guarantee | test FPR | TPR | F1 | BA | note |\n"
        md += "|---|---:|---:|---|---:|---|---:|---:|---:|---:|---|\n"
        for e in r.comparison.entries {
            let note = e.error?.description ?? e.testSetNote ?? ""
            let x = e.fitted?.expectation
            let estimate = x.map { "\(rate($0.expectedFPR)) (\(interval($0.falseAlarms)))" } ?? "—"
            let guarantee = x.map { $0.guarantee.isGuarantee ? $0.guarantee.text : "estimate" } ?? "—"
            let name = e.name == r.recommended.strategy ? "**\(e.name)**" : e.name
            md += "| \(name) | \(e.fitted.map { number($0.value) } ?? "—") | \(rate(e.targetFPR)) | \(estimate) | \(rate(x?.estimatedTPR)) | \(cell(guarantee)) | "
                + "\(rate(e.counts?.falsePositiveRate)) | \(rate(e.counts?.truePositiveRate)) | \(rate(e.counts?.f1)) | "
                + "\(rate(e.counts?.balancedAccuracy)) | \(cell(note)) |\n"
        }
        md += "\nTest FPR, TPR, F1 and BA (balanced accuracy) are measured on the test images. Normal-score strategies saw only good images;"
        md += " synthetic ones also saw Perlin anomalies made from the calibration images; batch-* (transductive) also saw the test"
        md += " images' scores without their labels, as a user labelling a production batch would; oracles used the test labels."
        md += " The expected FPR is cross-fitted on the \(r.calibrationScores.count) held-out good images (each fold counted against a cut-off"
        md += " fitted without it) and the estimated TPR on the \(r.syntheticScores.count) synthetic anomalies; neither looks at the test images."
        md += " Only conformal rules state a guarantee. Thresholds are rounded here; report.json has them in full.\n\n"
        return md
    }

    static func mistakes(_ r: DatasetComparisonResult, threshold t: Double, limit: Int, overlays: Overlays) -> String {
        let m = r.mistakes(threshold: t, limit: limit)
        var md = "## False alarms at `\(r.recommended.strategy)`: \(m.falseAlarmCount) good image(s) scored ≥ \(number(t))\n\n"
        md += table(m.falseAlarms, total: m.falseAlarmCount, r, order: "highest score first", overlays: overlays)
        md += "## Misses at `\(r.recommended.strategy)`: \(m.missCount) anomalous image(s) scored below \(number(t))\n\n"
        md += table(m.misses, total: m.missCount, r, order: "lowest score first", overlays: overlays)
        return md
    }

    /// The listed images, worst first, with an overlay column when any of them has one.
    static func table(_ images: [DatasetComparisonResult.ScoredImage], total: Int, _ r: DatasetComparisonResult, order: String,
                      overlays: Overlays) -> String {
        guard !images.isEmpty else { return "None.\n\n" }
        let linked = images.contains { overlays.files[$0.path] != nil }
        var md = total > images.count
            ? "The \(images.count) worst of \(total), \(order); \(total - images.count) more are not listed (scores.csv has every image).\n\n" : ""
        md += "| # | image | category | score | p-value |" + (linked ? " map |" : "") + "\n|---:|---|---|---:|---:|" + (linked ? "---|" : "") + "\n"
        for (k, i) in images.enumerated() {
            md += "| \(k + 1) | `\(cell(r.relativePath(i.path)))` | \(cell(i.category)) | \(number(i.score)) | \(i.pValue.map { String(format: "%.3g", $0) } ?? "—") |"
            if linked { md += overlays.files[i.path].map { " [overlay](\($0)) |" } ?? " |" }
            md += "\n"
        }
        return md + "\n"
    }

    /// The overlays of the worst mistakes inline, or one line saying why there are none.
    static func overlaySection(_ r: DatasetComparisonResult, threshold: Double?, overlays: Overlays) -> String {
        var md = "## Anomaly maps of the worst mistakes\n\n"
        guard let t = threshold, !overlays.files.isEmpty else { return md + (overlays.note ?? "No anomaly-map overlays.") + "\n\n" }
        md += "Each picture shows the image, then the same image with its anomaly map in inferno (dark: normal;"
            + " the middle of the scale: the pixel threshold) and the pixels at or above the pixel threshold outlined in cyan.\n\n"
        let m = r.mistakes(threshold: t, limit: overlayLimit)
        for (title, images) in [("False alarm", m.falseAlarms), ("Miss", m.misses)] {
            for (k, i) in images.enumerated() {
                guard let file = overlays.files[i.path] else { continue }
                md += "**\(title) \(k + 1)**: `\(cell(r.relativePath(i.path)))`, score \(number(i.score))\n\n"
                md += "![\(title) \(k + 1): \(cell(r.relativePath(i.path))) with its anomaly map](\(file))\n\n"
            }
        }
        if let note = overlays.note { md += note + "\n\n" }
        return md
    }

    static func run(_ r: DatasetComparisonResult) -> String {
        var md = "## Run\n\n- dataset: `\(r.dataset)`\n- scorer: \(r.scorer), features: \(r.features)\n"
        md += "- calibration: **\(r.calibration.rawValue)**, \(r.comparison.calibrationCount) good images: \(r.calibration.guarantee)\n"
        md += "- target false-alarm rate α = \(r.alpha); test: \(r.test.filter { !$0.isAnomalous }.count) good, "
            + "\(r.test.filter(\.isAnomalous).count) anomalous; AUROC \(rate(r.comparison.auroc))\n"
        if let seed = r.seed { md += "- seed: \(seed)\n" }
        if let v = r.version { md += "- ThresholdKit \(v)\n" }
        if let d = r.isoDate { md += "- date: \(d)\n" }
        if let c = r.commandLine { md += "- command: `\(c.replacingOccurrences(of: "`", with: "'"))`\n" }
        return md + "\n"
    }

    static func files(_ r: DatasetComparisonResult, extraFiles: [String]) -> String {
        var md = "## Files\n\n- `report.json`: these numbers\n- `scores.csv`: every test image's score and p-value\n"
        md += "- `histogram.svg`: score distributions with each threshold\n- `roc.svg`: the ROC curve with each strategy's operating point\n"
        if let d = r.detectorPath {
            md += "- `\(d)`: the fitted detector (scorer + `\(r.recommended.strategy)` threshold + calibration scores); "
                + "label new images with `thresholdkit predict --model \(d) IMAGES...`\n"
        }
        let synthetic = extraFiles.filter { $0.hasPrefix("synthetic/") }
        if !synthetic.isEmpty {
            let masks = synthetic.filter { $0.hasSuffix("_mask.png") }.count
            md += "- `synthetic/`: \(synthetic.count - masks) synthetic anomalies made from calibration images, each with its mask (`*_mask.png`)\n"
        }
        let overlays = extraFiles.filter { $0.hasPrefix("overlays/") }
        if !overlays.isEmpty {
            md += "- `overlays/`: \(overlays.count) anomaly-map overlays of the worst false alarms and misses\n"
        }
        for f in extraFiles where f != r.detectorPath && !f.hasPrefix("synthetic/") && !f.hasPrefix("overlays/") { md += "- `\(f)`\n" }
        return md
    }

    static func rate(_ x: Double?) -> String { x.map { $0.isFinite ? String(format: "%.3f", $0) : "—" } ?? "—" }
    static func interval(_ i: BinomialInterval) -> String { String(format: "%.3f–%.3f", i.lower, i.upper) }
    static func number(_ x: Double) -> String { x.isFinite ? String(format: "%.5g", x) : "\(x)" }
    static func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
    /// The recommended threshold's estimates beside what the test images show, and whether each
    /// realised rate falls inside its stated 95% interval.
    static func expectation(_ r: DatasetComparisonResult) -> String {
        guard let entry = r.comparison.entries.first(where: { $0.name == r.recommended.strategy && !$0.isOracle }),
              let x = entry.fitted?.expectation, let counts = entry.counts else { return "" }
        func verdict(_ realised: Double, _ i: BinomialInterval) -> String {
            i.lower <= realised && realised <= i.upper ? "inside" : "**outside**"
        }
        var md = "## What to expect, and what the test images show\n\n"
        md += "| rate | estimated without test labels (95% interval) | realised on the test images | |\n|---|---|---|---|\n"
        md += "| FPR | \(rate(x.expectedFPR)) (\(interval(x.falseAlarms))), \(x.basis) | \(rate(counts.falsePositiveRate)) | \(verdict(counts.falsePositiveRate, x.falseAlarms)) |\n"
        if let d = x.detections {
            md += "| TPR | \(rate(d.estimate)) (\(interval(d))) on \(d.trials) \(x.anomalySource), an estimate on fakes | \(rate(counts.truePositiveRate)) | \(verdict(counts.truePositiveRate, d)) |\n"
        }
        md += "\nGuarantee: \(x.guarantee.text).\n"
        if let check = r.recommendationCheck {
            md += "\nCheck on the test labels: balanced-accuracy regret \(rate(check.regret)) against the best threshold chosen on them; rank \(check.rank) of \(check.of) good-only strategies.\n"
        }
        return md + "\n"
    }
}

extension DatasetComparisonResult {
    /// `path` relative to the dataset folder when it lies inside it.
    func relativePath(_ path: String) -> String {
        let root = dataset.hasSuffix("/") ? dataset : dataset + "/"
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }

}
