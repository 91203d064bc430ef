import ArgumentParsing
import ArrayFormats
import Pipeline
import Thresholding

/// `thresholdkit predict`: label new samples with a detector file written by `fit` or `compare --report`.
enum PredictCommand {
    static let spec = CommandSpec(
        name: "predict",
        summary: "Score and label new samples (.npy rows or images) with a saved detector.",
        discussion: """
            INPUT is an N×D .npy matrix of the detector's features, image files, or folders of images
            (every image below them, in sorted path order), run through the extractor the detector was
            fitted with; its weights must match. --json prints one array with an object per sample:
            input, index (the row within a .npy file; 0 for an image), score, label (1 = anomalous,
            score ≥ threshold), threshold (the value used), p_value (conformal, against the
            calibration scores; null without them), normalized (anomalib's [0, 1] score, 0.5 at the
            threshold), log_likelihood for KDE detectors, and with --fdr Q bh_selected: whether
            Benjamini–Hochberg at false-discovery rate Q selects it over this whole batch.

            --threshold T and --alpha A change the threshold for this run only; the detector file is
            unchanged (`fit --rethreshold` writes a new one).

            EXAMPLES:
              thresholdkit predict --model bottle.tkd new_images/ --json
              thresholdkit predict --model bottle.tkd new_images/ --alpha 0.01
            """,
        options: [
            .value("model", "FILE", help: "A detector file from `thresholdkit fit` or `compare --report`."),
            .value("weights", "PATH", help: "EfficientNet-Lite0 weights for image inputs (else $THRESHOLDKIT_WEIGHTS)."),
            .value("fdr", "Q", help: "Also select by Benjamini–Hochberg at false-discovery rate Q in (0, 1) over the batch."),
            .value("threshold", "T", help: "Use the cut-off T for this run instead of the stored threshold (score ≥ T is anomalous); not with --alpha (exit 2)."),
            .value("alpha", "A", help: "Refit the stored strategy at α = A on the detector's stored scores for this run (strategies with an α; others exit 2)."),
            .value("maps", "DIR", help: "patchcore: write each image's anomaly map (.npy, float32, at the image's size), a heatmap and the pixel mask at the detector's pixel threshold (_heatmap.png, _mask.png), mirroring the input paths below DIR."),
            .flag("force", help: "Replace map files that already exist under --maps (without --force: refused, exit 1)."),
        ] + ImageOptions.reading + CommonOptions.output,
        positionalName: "INPUT")

    static let thresholdSpec = ParameterSpec.number("threshold", "T", help: "")

    static func run(_ args: ParsedArguments, console: Console) throws(CommandError) {
        guard let model = args.string("model") else { throw .usage("missing required option --model", command: spec.name) }
        guard !args.positionals.isEmpty else {
            throw .usage("give at least one INPUT (.npy matrix, image files or a folder)", command: spec.name)
        }
        var job = PredictJob(modelPath: model, inputs: args.positionals)
        let values = try ParameterOptions.values([LabelCommand.fdrSpec, .alpha, thresholdSpec], from: args, command: spec.name)
        job.fdr = values.number("fdr")
        switch (values.isGiven("threshold"), values.isGiven("alpha")) {
        case (true, true): throw .usage("give --threshold T or --alpha A, not both", command: spec.name)
        case (true, false): job.threshold = .value(values.number("threshold")!)
        case (false, true): job.threshold = .alpha(values.number("alpha")!)
        case (false, false): break
        }
        job.weightsPath = args.string("weights")
        job.mapsDirectory = args.string("maps")
        job.force = args.flag("force")
        job.cache = try ImageOptions.cache(args)
        job.unreadable = ImageOptions.unreadable(args)
        let quiet = args.flag("quiet")
        let outcome = try StageProgress.run(console: console, quiet: quiet, job.run)
        if !quiet { outcome.warnings.forEach { console.err("warning: \($0)") } }
        if !quiet && job.threshold != nil { console.err("threshold: \(outcome.detector.threshold.strategy) = \(NumberText.exact(outcome.detector.threshold.value)), \(outcome.thresholdSource)") }
        if args.flag("json") {
            console.out(JSONValue.array(outcome.rows.map { row in
                PredictionOutput.json(row.prediction, leading: [("input", .string(row.input)), ("index", .number(Double(row.index)))])
            }).serialized())
        } else {
            console.out(PredictionOutput.table(outcome.rows.map { ($0.isMatrixRow ? "\($0.input)[\($0.index)]" : $0.input, $0.prediction) },
                                               firstColumn: "input", bh: job.fdr != nil))
            let flagged = outcome.rows.filter(\.prediction.isAnomalous).count
            let t = outcome.detector.threshold
            console.out("\(flagged) of \(outcome.rows.count) flagged anomalous (threshold \(t.strategy) = \(NumberText.exact(t.value)), \(outcome.thresholdSource))")
        }
    }
}
