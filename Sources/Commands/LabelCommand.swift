import ArgumentParsing
import ArrayFormats
import ScoreFiles
import Thresholding

/// `thresholdkit label`: fit a strategy, then label new scores with p-values, normalised scores and optional BH selection.
enum LabelCommand {
    static let spec = CommandSpec(
        name: "label",
        summary: "Fit a strategy on --normal (and --anomalous), then label every score in --input.",
        discussion: """
            For each input score it prints the label (score ≥ threshold), the conformal p-value against
            the --normal scores, anomalib's normalised score (threshold ↦ 0.5), and with --fdr whether
            Benjamini–Hochberg selects it at that false-discovery rate over the whole input.
            batch-* (transductive) strategies are fitted on --normal and the --input scores themselves,
            unlabelled.

            EXAMPLE:
              thresholdkit label --strategy conformal --normal calibration.csv --input new.csv --fdr 0.1
            """,
        options: [
            .value("normal", "FILE", help: "Good scores: fit the threshold and compute p-values." + CommonOptions.standardInput),
            .value("anomalous", "FILE", help: "Anomalous scores (adaptive-f1, synthetic-*)." + CommonOptions.standardInput),
            .value("input", "FILE", help: "Scores to label." + CommonOptions.standardInput),
            .value("fdr", "Q", help: "Also select by Benjamini–Hochberg at false-discovery rate Q in (0, 1)."),
            StrategyOptions.choiceSpec("strategy", keys: StrategyOptions.registry.keys),
        ] + StrategyOptions.parameterSpecs + CommonOptions.reading + CommonOptions.output)

    static let fdrSpec = ParameterSpec.number("fdr", "Q", in: .open(0, 1), help: "")

    static func run(_ args: ParsedArguments, console: Console) throws(CommandError) {
        let quiet = args.flag("quiet")
        let warn: (String) -> Void = { if !quiet { console.err($0) } }
        let fileOptions: ScoreFileOptions, normalPath: String, inputPath: String
        do throws(UsageError) {
            normalPath = try args.required("normal")
            inputPath = try args.required("input")
            fileOptions = try CommonOptions.fileOptions(args)
        } catch { throw CommandError(error, command: spec.name) }
        let fdr = try ParameterOptions.values([fdrSpec], from: args, command: spec.name).number("fdr")
        var (strategy, fitOn) = try StrategyOptions.strategyAndScores(args, normal: normalPath, options: fileOptions,
                                                                      warn: warn, command: spec.name)
        let inputSet = try ScoreInputs.read(inputPath, options: fileOptions, warn: warn)
        let input = inputSet.scores
        if strategy.reads == .unlabelledBatch { fitOn.anomalous = StrategyOptions.batch(inputSet, path: inputPath, strategy: strategy, warn: warn) }
        let units = ScoreUnits(lowerIsAnomalous: fileOptions.lowerIsAnomalous)
        let predictions: [Prediction]
        do throws(ThresholdError) {
            let fitted = try strategy.fit(normal: fitOn.normal, anomalous: fitOn.anomalous)
            fitted.warnings.forEach { warn("warning: \(fitted.strategy): \($0)") }
            let norm = ScoreNormalization(threshold: fitted.value, fittedOn: fitOn.normal + fitOn.anomalous)
            predictions = try fitted.predict(input, calibration: fitOn.normal, normalization: norm, fdr: fdr)
        } catch { throw .threshold(error) }

        if args.flag("json") {
            // index is the position in the input file, also when non-finite scores were dropped.
            console.out(JSONValue.array(predictions.enumerated().map { i, p in
                PredictionOutput.json(units.shown(p), leading: [("index", .number(Double(inputSet.position(of: i))))])
            }).serialized())
        } else {
            console.out(PredictionOutput.table(predictions.enumerated().map { (String(inputSet.position(of: $0.offset)), units.shown($0.element)) },
                                               firstColumn: "index", bh: fdr != nil))
            if units.lowerIsAnomalous { console.out("rule: \(units.rule) (scores and threshold in the file's units)") }
        }
    }
}
