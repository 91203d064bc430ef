import ArrayFormats
import Foundation
import Imaging
import Synthesis
import Thresholding

/// Writes a comparison report folder: report.md, report.json, scores.csv, histogram.svg,
/// roc.svg, synthetic samples and the fitted detector.
///
/// The folder is written as one unit: everything goes into a hidden temporary sibling,
/// which is renamed into place at the end, so an interrupted run leaves no half-written
/// report and a rerun never mixes two runs' files.
public enum ReportWriter {
    /// Writes every file; returns their paths relative to `directory`.
    ///
    /// - Parameter force: replace an existing non-empty `directory`; without it such a folder is refused.
    /// - Throws: ``PipelineError/invalidInput(name:value:expected:)`` for a non-empty target without
    ///   `force`; ``PipelineError/unwritable(path:reason:)`` or a file error when writing fails.
    public static func write(_ r: DatasetComparisonResult, detector: Detector?, samples: [(name: String, anomaly: SyntheticAnomaly)],
                             to directory: String, force: Bool = false) throws(PipelineError) -> [String] {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: directory).standardizedFileURL
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            throw .invalidInput(name: "report", value: directory, expected: "a folder path (a file of that name exists)")
        }
        if exists && !force && !((try? fm.contentsOfDirectory(atPath: target.path)) ?? []).isEmpty {
            throw .invalidInput(name: "report", value: directory, expected: "a new or empty folder (it already holds files; pass --force to replace it)")
        }
        let staging = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).partial")
        do { try fm.createDirectory(at: staging.appendingPathComponent("synthetic"), withIntermediateDirectories: true) } catch {
            throw .unwritable(path: staging.path, reason: "the report folder cannot be created (\(error.localizedDescription))")
        }
        do throws(PipelineError) {
            var written: [String] = []
            for (name, a) in samples {
                do throws(ImagingError) {
                    try ImageFile.write(a.image, to: staging.appendingPathComponent("synthetic/sample_\(name).png").path)
                    try ImageFile.write(a.mask.image, to: staging.appendingPathComponent("synthetic/sample_\(name)_mask.png").path)
                } catch { throw .imaging(error) }
                written += ["synthetic/sample_\(name).png", "synthetic/sample_\(name)_mask.png"]
            }
            var result = r
            if let detector {
                try detector.write(to: staging.appendingPathComponent("detector.tkd").path)
                result.detectorPath = "detector.tkd"
            }
            let files: [(String, String)] = [
                ("report.md", markdown(result, extraFiles: written)),
                ("report.json", result.reportJSON().serialized(pretty: true) + "\n"),
                ("scores.csv", csv(result)),
                ("histogram.svg", histogram(result)),
                ("roc.svg", roc(result)),
            ]
            for (name, text) in files {
                do throws(ArrayFormatError) { try AtomicFile.write(Array(text.utf8), to: staging.appendingPathComponent(name).path) } catch {
                    throw .file(error)
                }
            }
            if exists {
                do { try fm.removeItem(at: target) } catch {
                    throw .unwritable(path: directory, reason: "the old report cannot be replaced (\(error.localizedDescription))")
                }
            }
            do { try fm.moveItem(at: staging, to: target) } catch {
                throw .unwritable(path: directory, reason: "the finished report cannot be moved into place (\(error.localizedDescription))")
            }
            return files.map(\.0) + (detector == nil ? [] : ["detector.tkd"]) + written
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
    }

    /// file,category,label,score,p_value — one row per test image, label 1 = anomalous.
    static func csv(_ r: DatasetComparisonResult) -> String {
        var out = "file,category,label,score,p_value\n"
        for t in r.test {
            out += "\(csvField(t.path)),\(csvField(t.category)),\(t.isAnomalous ? 1 : 0),\(JSONValue.numberText(t.score)),"
                + (t.pValue.map(JSONValue.numberText) ?? "") + "\n"
        }
        return out
    }

    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    static func histogram(_ r: DatasetComparisonResult) -> String {
        var series: [HistogramChart.Series] = [
            .init(name: "test good", scores: r.test.filter { !$0.isAnomalous }.map(\.score), color: "#1f77b4"),
            .init(name: "test anomalous", scores: r.test.filter(\.isAnomalous).map(\.score), color: "#ff7f0e"),
            .init(name: "calibration", scores: r.calibrationScores, color: "#7f7f7f"),
        ]
        if !r.syntheticScores.isEmpty { series.append(.init(name: "synthetic", scores: r.syntheticScores, color: "#bcbd22")) }
        let lines = r.comparison.entries.compactMap { e in e.fitted.map { (name: e.name, value: $0.value) } }
        return HistogramChart(title: "Anomaly scores: \((r.dataset as NSString).lastPathComponent)", series: series, thresholds: lines).svg()
    }

    static func roc(_ r: DatasetComparisonResult) -> String {
        let normal = r.test.filter { !$0.isAnomalous }.map(\.score), anomalous = r.test.filter(\.isAnomalous).map(\.score)
        guard let curve = try? ROCCurve(normal: normal, anomalous: anomalous) else {
            return ROCChart(title: "ROC (needs both classes)", falsePositiveRates: [], truePositiveRates: []).svg()
        }
        let points = r.comparison.entries.compactMap { e in
            e.counts.map { (name: e.name, fpr: $0.falsePositiveRate, tpr: $0.truePositiveRate) }
        }
        return ROCChart(title: "ROC, AUROC \(String(format: "%.4f", r.comparison.auroc))",
                        falsePositiveRates: curve.falsePositiveRates, truePositiveRates: curve.truePositiveRates, points: points).svg()
    }

    static func markdown(_ r: DatasetComparisonResult, extraFiles: [String]) -> String {
        func rate(_ x: Double?) -> String { x.map { $0.isFinite ? String(format: "%.3f", $0) : "—" } ?? "—" }
        var md = "# ThresholdKit comparison: \((r.dataset as NSString).lastPathComponent)\n\n"
        md += "- dataset: `\(r.dataset)`\n- scorer: \(r.scorer), features: \(r.features)\n"
        md += "- calibration: **\(r.calibration.rawValue)**, \(r.comparison.calibrationCount) good images: \(r.calibration.guarantee)\n"
        md += "- target false-alarm rate α = \(r.alpha); test: \(r.test.filter { !$0.isAnomalous }.count) good, \(r.test.filter(\.isAnomalous).count) anomalous; AUROC \(rate(r.comparison.auroc))\n\n"
        md += "**Recommended threshold: `\(r.recommended.strategy)`** — \(r.recommended.reason)\n\n"
        if let w = r.shiftWarning { md += "> **Warning:** \(w)\n\n" }
        md += "| strategy | threshold | target FPR | FPR | TPR | F1 | BA | note |\n|---|---|---|---|---|---|---|---|\n"
        for e in r.comparison.entries {
            let note = e.error?.description ?? (e.isOracle ? "oracle: chosen on the test labels" : "")
            md += "| \(e.name) | \(e.fitted.map { JSONValue.numberText($0.value) } ?? "—") | \(rate(e.targetFPR)) | "
                + "\(rate(e.counts?.falsePositiveRate)) | \(rate(e.counts?.truePositiveRate)) | \(rate(e.counts?.f1)) | "
                + "\(rate(e.counts?.balancedAccuracy)) | \(note.replacingOccurrences(of: "|", with: "\\|")) |\n"
        }
        md += "\nFPR, TPR, F1 and BA (balanced accuracy) are measured on the test images. Normal-score strategies saw only good images;"
        md += " synthetic ones also saw Perlin anomalies made from the calibration images; oracles used the test labels.\n\n"
        md += "## Files\n\n- `report.json`: these numbers\n- `scores.csv`: every test image's score and p-value\n"
        md += "- `histogram.svg`: score distributions with each threshold\n- `roc.svg`: the ROC curve with each strategy's operating point\n"
        if let d = r.detectorPath {
            md += "- `\(d)`: the fitted detector (scorer + `\(r.recommended.strategy)` threshold + calibration scores); "
                + "label new images with `thresholdkit predict --model \(d) IMAGES...`\n"
        }
        for f in extraFiles where f != r.detectorPath { md += "- `\(f)`\n" }
        if !r.warnings.isEmpty { md += "\n## Warnings\n\n" + r.warnings.map { "- \($0)\n" }.joined() }
        return md
    }
}
