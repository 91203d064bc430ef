import ArgumentParsing
import ArrayFormats
import Foundation
import Pipeline
import Thresholding

/// `thresholdkit fit`: good samples in, a detector file (scorer + threshold + calibration scores) out.
enum FitCommand {
    static let spec = CommandSpec(
        name: "fit",
        summary: "Fit a scorer and a threshold on good samples only; save the detector for `predict`.",
        discussion: """
            --train is an N×D .npy matrix of feature vectors, or a folder (or files) of good images,
            which go through --features first. The calibration mode says which good samples the
            threshold sees: split (default) holds out 20% the scorer never trains on; crossfit gives
            every sample an out-of-fold score and fits the final scorer on all of them (false-alarm
            rate ≤ 2α in the worst case, not α); none fits on everything and allows only manual and
            adaptive-f1 thresholds. synthetic-* thresholds make Perlin anomalies from the calibration
            images, so they need image inputs. The split and the synthetic anomalies follow --seed
            exactly as `compare --dataset` does.

            --rethreshold FILE keeps FILE's scorer as it is and fits a new --threshold (with its α and
            other parameters) on the scores FILE stores: seconds instead of a training run.

            --model names the detector file. An existing detector file there is replaced (that is how
            you refit); any other existing file is refused (exit 1) unless --force, and an input of
            this command is never replaced.

            EXAMPLES:
              thresholdkit fit --train features/train.npy --scorer kde --model bottle.tkd
              thresholdkit fit --train bottle/train/good --threshold synthetic-ba --model bottle.tkd
              thresholdkit fit --rethreshold bottle.tkd --threshold evt --alpha 0.01 --model bottle-evt.tkd
            """,
        options: [
            .value("train", "FILE.npy|DIR", help: "Good samples: an N×D .npy matrix, or image files / folders of images.", repeatable: true),
            .value("anomalous", "FILE.npy|DIR", help: "Labelled anomalous samples (adaptive-f1 needs some).", repeatable: true),
            .value("model", "OUT", help: "Where to write the detector file (written atomically)."),
            .flag("force", help: "Replace --model even when it is an existing file that is not a detector (without --force: refused, exit 1)."),
            .value("rethreshold", "FILE", help: "Instead of training: take this detector, fit --threshold on its stored scores, write --model (training options are refused, exit 2)."),
        ] + ScorerOptions.specs + [
            StrategyOptions.choiceSpec("threshold", keys: StrategyOptions.detectorDescriptors.map(\.key), default: "conformal"),
        ] + StrategyOptions.detectorParameterSpecs + [
            .value("calibration", "split|crossfit|none", help: "Which good samples calibrate the threshold.", default: "split"),
            .value("seed", "S", help: ImageOptions.seed.help, default: "42"),
            .value("blend", "LO,HI", help: "synthetic-*: " + ImageOptions.blend.help, default: "0.5,1.0"),
        ] + PixelOptions.specs + ImageOptions.reading + CommonOptions.output,
        positionalName: "MORE_TRAIN")

    static func run(_ args: ParsedArguments, console: Console) throws(CommandError) {
        let quiet = args.flag("quiet")
        if let source = args.string("rethreshold") {
            try rethreshold(source, args: args, console: console)
            return
        }
        let (job, ignored) = try configuredJob(args)
        if !quiet { ignored.forEach { console.err("warning: \($0)") } }
        let outcome = try StageProgress.run(console: console, quiet: quiet, job.run)
        if !quiet { outcome.warnings.forEach { console.err("warning: \($0)") } }
        let d = outcome.detector
        if args.flag("json") {
            console.out(JSONValue.object([
                ("model", .string(job.modelPath)), ("scorer", .string(d.scorerName)), ("features", .string(d.features.summary)),
                ("train_rows", .number(Double(outcome.sampleCount))), ("fit_rows", .number(Double(outcome.trainingCount))),
                ("calibration", .string(d.calibration.rawValue)), ("calibration_count", .number(Double(d.calibrationScores.count))),
                ("guarantee", .string(d.threshold.expectation?.guarantee.text ?? d.calibration.guarantee)),
                ("expected_fpr", JSONValue(number: d.threshold.expectation?.expectedFPR)),
                ("expected_fpr_interval", d.threshold.expectation.map { .array([.number($0.falseAlarms.lower), .number($0.falseAlarms.upper)]) } ?? .null),
                ("estimated_tpr", JSONValue(number: d.threshold.expectation?.estimatedTPR)),
                ("threshold", d.threshold.json),
            ] + (d.pixelThreshold.map { [("pixel_threshold", $0.json)] } ?? [])).serialized())
        } else {
            let t = d.threshold
            console.out("fitted \(d.scorerName) on \(outcome.trainingCount) of \(outcome.sampleCount) good samples (\(d.features.summary))")
            console.out("calibration \(d.calibration.rawValue): \(d.calibrationScores.count) scores")
            console.out("threshold \(t.strategy) = \(NumberText.exact(t.value))" + (t.targetFPR.map { "   target FPR \(NumberText.exact($0))" } ?? ""))
            ExpectationText.lines(t).forEach { console.out("  " + $0) }
            if let p = d.pixelThreshold {
                console.out("pixel threshold \(p.strategy) = \(NumberText.exact(p.value)) — \(PixelStrategy.named(p.strategy)?.guarantee ?? "")")
            }
            console.out("wrote \(job.modelPath)")
        }
    }

    /// `fit --rethreshold FILE`: the scorer as it is, a new threshold from the stored scores.
    static func rethreshold(_ source: String, args: ParsedArguments, console: Console) throws(CommandError) {
        let training = ["train", "anomalous", "scorer", "features", "weights", "calibration", "seed", "blend"] + ScorerOptions.catalog.descriptors.flatMap(\.parameters).map(\.key)
        if let stray = training.first(where: { args.string($0) != nil || args.flag($0) }) ?? (args.positionals.isEmpty ? nil : "MORE_TRAIN") {
            throw .usage("--\(stray) trains a detector; --rethreshold reuses the scorer of \(source) as it is", command: spec.name)
        }
        guard let model = args.string("model") else { throw .usage("missing required option --model", command: spec.name) }
        let built = try detectorStrategy(args, fallback: "conformal")
        if !args.flag("quiet") { built.ignored.forEach { console.err("warning: \($0)") } }
        var job = RethresholdJob(sourcePath: source, modelPath: model, threshold: built.strategy)
        job.force = args.flag("force")
        let outcome: RethresholdJob.Outcome
        do throws(PipelineError) { outcome = try job.run() } catch { throw .pipeline(error) }
        if !args.flag("quiet") { outcome.warnings.forEach { console.err("warning: \($0)") } }
        let t = outcome.detector.threshold
        if args.flag("json") {
            console.out(JSONValue.object([
                ("model", .string(model)), ("rethresholded_from", .string(source)), ("previous_threshold", outcome.previous.json),
                ("threshold", t.json),
            ]).serialized())
        } else {
            console.out("threshold \(outcome.previous.strategy) = \(NumberText.exact(outcome.previous.value)) → \(t.strategy) = \(NumberText.exact(t.value)), "
                        + "fitted on the \(outcome.detector.scores.normal.count) good scores stored in \(source)")
            ExpectationText.lines(t).forEach { console.out("  " + $0) }
            console.out("wrote \(model)")
        }
    }

    /// The `--threshold` strategy, refused before any file is read when a detector cannot keep it (`batch-*`).
    static func detectorStrategy(_ args: ParsedArguments, fallback: String) throws(CommandError) -> (strategy: any Threshold, ignored: [String]) {
        let built = try StrategyOptions.make(args, option: "threshold", fallback: fallback, command: spec.name)
        do throws(PipelineError) { try ThresholdScores.requireStorable(built.strategy) } catch { throw .pipeline(error) }
        return built
    }

    /// The job the options describe; every option error is a usage error found before any work.
    static func configuredJob(_ args: ParsedArguments) throws(CommandError) -> (FitJob, ignored: [String]) {
        let inputs = args.strings("train") + args.positionals
        guard !inputs.isEmpty else { throw .usage("missing required option --train", command: spec.name) }
        guard let model = args.string("model") else { throw .usage("missing required option --model", command: spec.name) }
        let (scorer, values) = try ScorerOptions.chosen(args, command: spec.name)
        // --max-fpr asks for the recommendation under a false-alarm cap, so it implies that rule.
        let built = try detectorStrategy(args, fallback: args.string("max-fpr") == nil ? "conformal" : "recommended")
        var job = FitJob(trainInputs: inputs, modelPath: model, scorer: scorer, scorerValues: values, threshold: built.strategy)
        job.anomalousInputs = args.strings("anomalous")
        job.force = args.flag("force")
        job.features = args.string("features")
        job.weightsPath = args.string("weights")
        job.seed = try ImageOptions.seed(args, command: spec.name)
        if args.string("blend") != nil {
            guard built.strategy.reads == .syntheticAnomalies else {
                throw .usage("--blend applies to synthetic-* thresholds, not \(built.strategy.name)", command: spec.name)
            }
            job.blend = try ImageOptions.blend(args, command: spec.name)
        }
        if let c = args.string("calibration") {
            guard let mode = CalibrationMode(rawValue: c) else {
                throw .usage("--calibration must be split, crossfit or none, got '\(c)'", command: spec.name)
            }
            job.calibration = mode
        }
        (job.pixelStrategy, job.pixelAlpha, job.pixelValue) = try PixelOptions.chosen(args, drawsMaps: scorer.drawsMaps, command: spec.name)
        job.cache = try ImageOptions.cache(args)
        job.unreadable = ImageOptions.unreadable(args)
        return (job, built.ignored)
    }
}
