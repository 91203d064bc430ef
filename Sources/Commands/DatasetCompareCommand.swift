import ArgumentParsing
import ArrayFormats
import Foundation
import Imaging
import Pipeline
import Synthesis
import Thresholding

/// `thresholdkit compare --dataset DIR`: the whole unsupervised pipeline on an MVTec-layout folder.
enum DatasetCompareCommand {
    static var options: [OptionSpec] {
        [.value("dataset", "DIR", help: "An MVTec-layout folder: train/good, test/good, test/<defect>.")]
            + ScorerOptions.specs + [
                .value("calibration", "split|crossfit", help: "split (hold out 20%) or crossfit (5 folds; FPR ≤ 2α worst case).", default: "split"),
                .value(ImageOptions.seed.key, ImageOptions.seed.valueName, help: ImageOptions.seed.help, default: "42"),
                .value("blend", "LO,HI", help: ImageOptions.blend.help, default: "0.5,1.0"),
                .value("max-fpr", "F", help: "Recommend the highest estimated TPR on synthetic anomalies whose 95% false-alarm interval stays ≤ F; without it, the highest estimated balanced accuracy."),
                .value("report", "DIR", help: "Write report.md/json, scores.csv, SVG charts, synthetic samples and detector.tkd there, as one unit."),
                .flag("force", help: "Replace an existing non-empty --report folder (without --force: refused, exit 1)."),
            ] + PixelOptions.specs + ImageOptions.reading
    }

    static func run(_ args: ParsedArguments, console: Console, datasetPath: String) throws(CommandError) {
        var job = DatasetComparison(datasetPath: datasetPath)
        (job.scorer, job.scorerValues) = try ScorerOptions.chosen(args, command: "compare")
        job.features = args.string("features")
        job.weightsPath = args.string("weights")
        job.seed = try ImageOptions.seed(args, command: "compare")
        job.generator.blendRange = try ImageOptions.blend(args, command: "compare")
        if let c = args.string("calibration") {
            guard let mode = CalibrationMode(rawValue: c), mode != .none else {
                throw .usage("--calibration must be split or crossfit for compare, got '\(c)'", command: "compare")
            }
            job.calibration = mode
        }
        for d in StrategyOptions.registry.reading(CompareCommand.comparedInputs) {
            let values = try ParameterOptions.values(d.parameters, from: args, command: "compare")
            for key in values.givenKeys { job.strategyParameters[key] = values.value(key) }
        }
        job.alpha = job.strategyParameters["alpha"].flatMap { if case .number(let a) = $0 { a } else { nil } } ?? 0.05
        if let text = args.string("max-fpr") {
            guard let f = Double(text), f > 0, f < 1 else { throw .usage("--max-fpr must be a rate in (0, 1), got '\(text)'", command: "compare") }
            job.objective = .maximumFPR(f)
        }
        job.pixelStrategy = try PixelOptions.chosen(args, drawsMaps: job.scorer.drawsMaps, command: "compare").0
        job.unreadable = ImageOptions.unreadable(args)
        job.cache = try ImageOptions.cache(args)
        try execute(job, args: args, console: console, commandLine: commandLine(args, spec: CompareCommand.spec))
    }

    /// The command as it would be typed again, for the report: `thresholdkit`, the subcommand and
    /// every option given, in the spec's order, shell-quoted. (Rebuilt from the parsed options, so
    /// it is right when the CLI runs in-process too.)
    static func commandLine(_ args: ParsedArguments, spec: CommandSpec) -> String {
        var words = ["thresholdkit", spec.name], seen: Set<String> = []
        for o in spec.options where seen.insert(o.name).inserted {
            if o.valueName != nil {
                for v in args.strings(o.name) { words += ["--\(o.name)", v] }
            } else if args.flag(o.name) {
                words.append("--\(o.name)")
            }
        }
        return (words + args.positionals).map(shellQuoted).joined(separator: " ")
    }

    static func shellQuoted(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) && $0.isASCII || "@%+=:,./-_".unicodeScalars.contains($0)
        }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Runs a configured comparison and prints it (table or JSON), writing `--report` if asked.
    static func execute(_ job: DatasetComparison, args: ParsedArguments, console: Console, title: String? = nil,
                        commandLine: String? = nil) throws(CommandError) {
        let quiet = args.flag("quiet")
        let datasetPath = title ?? job.datasetPath
        let outcome = try StageProgress.run(console: console, quiet: quiet, job.run)
        var r = outcome.result
        r.commandLine = commandLine
        r.version = ThresholdKitCLI.version
        if let title { r.title = title }
        if !quiet {
            r.warnings.forEach { console.err("warning: \($0)") }
            ComparisonReport.warnings(r.comparison).forEach { console.err($0) }
            if let w = r.shiftWarning { console.err("warning: \(w)") }
        }
        if let dir = args.string("report") {
            do throws(PipelineError) {
                _ = try ReportWriter.write(r, detector: outcome.detector, samples: outcome.syntheticSamples, maps: outcome.testMapsByPath,
                                           to: dir, force: args.flag("force"))
                r.detectorPath = "detector.tkd"
            } catch { throw .pipeline(error) }
        }
        if args.flag("json") {
            console.out(r.json().serialized())
        } else {
            console.out("\((datasetPath as NSString).lastPathComponent): AUROC \(NumberText.rate(r.comparison.auroc))   "
                        + "calibration \(r.calibration.rawValue), n = \(r.comparison.calibrationCount)   α = \(NumberText.exact(r.alpha))   "
                        + "scorer \(r.scorer)")
            console.out("")
            console.out(ComparisonReport.table(r.comparison))
            console.out("")
            console.out("recommended: \(r.recommended.strategy) — \(r.recommended.reason)")
            if let check = r.recommendationCheck {
                console.out("check on the test labels: balanced-accuracy regret \(NumberText.rate(check.regret)) against the oracle, rank \(check.rank) of \(check.of) good-only strategies")
            }
            if let pixel = r.pixel { console.out(""); console.out(PixelReport.text(pixel)) }
            if r.calibration == .crossfit { console.out("note: \(r.calibration.guarantee)") }
        }
    }
}
