import ArgumentParsing
import ArrayFormats
import Features
import Foundation
import Pipeline
import Scoring
import Thresholding

/// `thresholdkit fit`: good samples in, a detector file (scorer + threshold + calibration scores) out.
enum FitCommand {
    static let thresholdNames = StrategyOptions.names + ["synthetic-ba", "synthetic-f1", "synthetic-ba-fpr"]

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
            images, so they need image inputs.

            EXAMPLES:
              thresholdkit fit --train features/train.npy --scorer kde --model bottle.tkd
              thresholdkit fit --train bottle/train/good --features efficientnet-lite0 --threshold synthetic-ba --model bottle.tkd
            """,
        options: [
            .value("train", "FILE.npy|DIR", help: "Good samples: an N×D .npy matrix, or image files / a folder of images (more may follow as arguments)."),
            .value("scorer", "kde|svdd|svdd-conv", help: "PCA + Gaussian KDE; Deep SVDD with a bias-free MLP D-512-128; or Deep SVDD's convolutional encoder on grey images (features grey128 by default).", default: "kde"),
            .value("scaling", "scale|norm", help: "kde: scaling of the projected features.", default: "scale"),
            .value("pca", "N", help: "kde: principal components kept.", default: "16"),
            .flag("anomalib-compatible", help: "kde: reproduce anomalib's centring quirk (REFERENCE §2)."),
            .value("epochs", "N", help: "svdd, svdd-conv: one-class training epochs (default 100 for svdd, 20 for svdd-conv)."),
            .value("pretrain-epochs", "N", help: "svdd, svdd-conv: autoencoder pre-training epochs (default 0 for svdd, 20 for svdd-conv)."),
            .value("threshold", "NAME", help: "One of: \(thresholdNames.joined(separator: ", ")).", default: "conformal"),
            .value("prior", "P", help: "synthetic-f1: the anomaly prior of the F1 (anomalib's rule at 0.5).", default: "0.5"),
            .value("blend", "LO,HI", help: "synthetic-*: blend range of the Perlin anomalies.", default: "0.5,1.0"),
            .value("anomalous", "FILE.npy|DIR", help: "Labelled anomalous samples (adaptive-f1 needs some, or synthetic ones)."),
            .value("calibration", "MODE", help: "split, crossfit or none.", default: "split"),
            .value("seed", "S", help: "Seeds the split, subsampling, initialisation and synthesis.", default: "0"),
            .value("model", "OUT", help: "Where to write the detector file (written atomically)."),
        ] + StrategyOptions.parameterSpecs + FeatureOptions.specs + CommonOptions.output,
        positionalName: "MORE_TRAIN")

    static func run(_ args: ParsedArguments, console: Console) throws(CommandError) {
        let quiet = args.flag("quiet")
        var training: DetectorTraining
        let trainInputs: [String], modelPath: String
        do throws(UsageError) {
            trainInputs = [try args.required("train")] + args.positionals
            modelPath = try args.required("model")
            let ignored: [String]
            (training, ignored) = try configuredTraining(args)
            if !quiet { ignored.forEach { console.err("warning: \($0)") } }
        } catch { throw CommandError(error, command: spec.name) }

        let inputs: InputSet
        do throws(PipelineError) { inputs = try InputSet.resolve(trainInputs) } catch { throw .data(error.description) }
        var samples: DetectorTraining.Samples
        switch inputs {
        case let .vectors(rows, _):
            if args.string("features") != nil || args.string("weights") != nil {
                throw .usage("--features and --weights apply to image inputs; \(trainInputs[0]) already holds feature vectors", command: spec.name)
            }
            samples = DetectorTraining.Samples(vectors: rows, features: .vectors(dimension: rows[0].count))
        case let .images(paths):
            // The convolutional encoder takes the grey image itself, unless told otherwise.
            let implied: FeatureExtractorKind? = training.scorer.kind == .svddConvolutional && args.string("features") == nil ? .grey128 : nil
            let (kind, extractor) = try FeatureOptions.extractor(args, command: spec.name, kind: implied)
            let table = try FeatureOptions.extract(paths, extractor: extractor, args: args, console: console, label: "features")
            samples = DetectorTraining.Samples(vectors: table.vectors, features: FeatureSource(extractor, kind: kind),
                                               images: (table.paths, extractor))
        }
        if let anomalousPath = args.string("anomalous") {
            samples.anomalous = try vectors(of: anomalousPath, like: samples, args: args, console: console)
        }
        training.provenance = [
            "made_by": "thresholdkit fit", "train": .array(trainInputs.map(JSONValue.string)),
            "train_rows": .number(Double(samples.vectors.count)), "seed": .string(String(training.scorer.seed)),
        ]

        let stages = StageProgress(console: console, quiet: quiet)
        let report: DetectorTraining.Report
        do throws(PipelineError) {
            report = try training.fit(samples) { stages.update($0, $1, $2) }
        } catch { stages.finish(); throw .data(error.description) }
        stages.finish()
        if !quiet { report.warnings.forEach { console.err("warning: \($0)") } }
        let detector = report.detector
        do throws(PipelineError) { try detector.write(to: modelPath) } catch { throw .data(error.description) }

        if args.flag("json") {
            console.out(summaryJSON(detector, path: modelPath, rows: samples.vectors.count).serialized())
        } else {
            let t = detector.threshold
            console.out("fitted \(detector.scorer.kind.rawValue) on \(samples.vectors.count) good samples (\(detector.features.summary))")
            console.out("calibration \(detector.calibration.rawValue): \(detector.calibrationScores.count) scores — \(detector.calibration.guarantee)")
            console.out("threshold \(t.strategy) = \(NumberText.exact(t.value))" + (t.targetFPR.map { "   target FPR \(NumberText.exact($0))" } ?? ""))
            console.out("wrote \(modelPath)")
        }
    }

    /// The scorer, threshold and calibration the options ask for, plus warnings for ignored strategy parameters.
    static func configuredTraining(_ args: ParsedArguments) throws(UsageError) -> (DetectorTraining, [String]) {
        var settings = ScorerSettings(kind: ScorerKind(rawValue: try args.choice("scorer", from: ScorerKind.allCases.map(\.rawValue)) ?? "kde") ?? .kde)
        if let s = try args.choice("scaling", from: KDEClassifier.FeatureScaling.allCases.map(\.rawValue)) {
            settings.scaling = KDEClassifier.FeatureScaling(rawValue: s) ?? .scale
        }
        if let k = try args.int("pca") {
            guard k >= 1 else { throw UsageError("--pca must be at least 1, got \(k)") }
            settings.componentCount = k
        }
        settings.anomalibCompatible = args.flag("anomalib-compatible")
        if let e = try args.int("epochs") {
            guard e >= 1 else { throw UsageError("--epochs must be at least 1, got \(e)") }
            settings.training.epochs = e
        }
        if let e = try args.int("pretrain-epochs") {
            guard e >= 0 else { throw UsageError("--pretrain-epochs must be 0 or more, got \(e)") }
            settings.training.pretrainingEpochs = e
        }
        if settings.kind == .kde, let stray = ["epochs", "pretrain-epochs"].first(where: { args.string($0) != nil }) {
            throw UsageError("--\(stray) applies to the Deep SVDD scorers only")
        }
        if let s = try args.int("seed") {
            guard s >= 0 else { throw UsageError("--seed must be a non-negative whole number") }
            settings.seed = UInt64(s)
        }
        if settings.kind != .kde, let stray = ["scaling", "pca"].first(where: { args.string($0) != nil }) ?? (args.flag("anomalib-compatible") ? "anomalib-compatible" : nil) {
            throw UsageError("--\(stray) applies to --scorer kde only")
        }
        let (choice, ignored) = try thresholdChoice(args)
        var training = DetectorTraining(scorer: settings, threshold: choice)
        if let c = try args.choice("calibration", from: CalibrationMode.allCases.map(\.rawValue)) {
            training.calibration = CalibrationMode(rawValue: c) ?? .split
        }
        if let b = args.string("blend") { training.generator.blendRange = try DatasetCompareCommand.blendRange(b) }
        return (training, ignored)
    }

    /// The threshold strategy from `--threshold` and its parameters.
    /// - Returns: the choice, and warnings for strategy parameters it ignores.
    static func thresholdChoice(_ args: ParsedArguments) throws(UsageError) -> (DetectorTraining.ThresholdChoice, [String]) {
        let name = try args.choice("threshold", from: thresholdNames) ?? "conformal"
        let alpha = try args.double("alpha", default: 0.05)
        let strayForSynthetic = ["delta", "value", "sigmas", "k", "level"].filter { args.string($0) != nil }
            .map { "--\($0) is ignored by \(name)" }
        switch name {
        case "synthetic-ba": return (.synthetic(.bestBalancedAccuracy), strayForSynthetic)
        case "synthetic-f1": return (.synthetic(.bestF1(prior: try args.double("prior", default: 0.5))), strayForSynthetic)
        case "synthetic-ba-fpr": return (.synthetic(.bestBalancedAccuracyWithinFPR(alpha)), strayForSynthetic)
        default:
            let made = try StrategyOptions.make(args, name: name)
            return (.strategy(made.strategy), made.ignored)
        }
    }

    /// Vectors of `--anomalous`: a matrix as is, images through the training samples' extractor.
    static func vectors(of path: String, like samples: DetectorTraining.Samples, args: ParsedArguments,
                        console: Console) throws(CommandError) -> [[Float]] {
        let inputs: InputSet
        do throws(PipelineError) { inputs = try InputSet.resolve([path]) } catch { throw .data(error.description) }
        switch (inputs, samples.images) {
        case let (.vectors(rows, _), _): return rows
        case let (.images(paths), .some(images)):
            return try FeatureOptions.extract(paths, extractor: images.extractor, args: args, console: console, label: "anomalous").vectors
        case (.images, .none):
            throw .data("--anomalous \(path) holds images, but --train holds feature vectors; give a .npy matrix of the same features")
        }
    }

    static func summaryJSON(_ d: Detector, path: String, rows: Int) -> JSONValue {
        [
            "model": .string(path), "scorer": .string(d.scorer.kind.rawValue), "features": .string(d.features.summary),
            "train_rows": .number(Double(rows)), "calibration": .string(d.calibration.rawValue),
            "calibration_count": .number(Double(d.calibrationScores.count)), "guarantee": .string(d.calibration.guarantee),
            "threshold": d.threshold.json,
        ]
    }
}
