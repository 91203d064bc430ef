import ArrayFormats
import Foundation
import Imaging
import Scoring
import Synthesis
import Thresholding

/// Writes a comparison report folder: report.md, report.json, scores.csv, histogram.svg,
/// roc.svg, synthetic samples, the fitted detector and, for a map scorer, anomaly-map overlays
/// of the worst mistakes.
///
/// The folder is written as one unit: everything goes into a hidden temporary sibling,
/// which is renamed into place at the end, so an interrupted run leaves no half-written
/// report and a rerun never mixes two runs' files.
public enum ReportWriter {
    /// Writes every file; returns their paths relative to `directory`.
    ///
    /// - Parameters:
    ///   - maps: each test image's anomaly map by path (``DatasetComparison/Outcome/testMapsByPath``);
    ///     with the detector's extractor and pixel threshold they draw `overlays/`. Empty: no overlays.
    ///   - force: replace an existing non-empty `directory`; without it such a folder is refused.
    /// - Throws: ``PipelineError/invalidInput(name:value:expected:)`` for a non-empty target without
    ///   `force`; ``PipelineError/unwritable(path:reason:)`` or a file error when writing fails.
    public static func write(_ r: DatasetComparisonResult, detector: Detector?, samples: [(name: String, anomaly: SyntheticAnomaly)],
                             maps: [String: AnomalyMap] = [:], to directory: String, force: Bool = false) throws(PipelineError) -> [String] {
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
            let overlays = try overlays(result, maps: maps, detector: detector, into: staging)
            written += overlays.files.values.sorted()
            let files: [(String, String)] = [
                ("report.md", markdown(result, extraFiles: written, overlays: overlays)),
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
}
