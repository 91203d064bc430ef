import ArgumentParsing
import ArrayFormats
import Pipeline
import ScoreFiles
import Thresholding

/// `thresholdkit threshold`: fit one strategy on score files and print the cut-off.
enum ThresholdCommand {
    static let spec = CommandSpec(
        name: "threshold",
        summary: "Fit one threshold strategy and print the cut-off (score ≥ threshold is anomalous).",
        discussion: """
            Score files: CSV with a 'score' column and optional 'label' (0/1 or good/anomalous),
            plain text with one number per line, 1-D .npy (float32/float64), or JSON
            (an array, or {"scores": [...], "labels": [...]}). Rows labelled anomalous in
            --normal count as anomalous, and rows labelled good in --anomalous as normal
            (with a warning). synthetic-* strategies read the scores of synthetic anomalies
            from --anomalous; batch-* (transductive) strategies read the unlabelled scores
            they will label from --batch.

            EXAMPLES:
              thresholdkit threshold --strategy conformal --normal calibration.csv --alpha 0.01
              thresholdkit threshold --strategy adaptive-f1 --normal good.txt --anomalous bad.txt --json
            """,
        options: [
            .value("normal", "FILE", help: "Scores of good samples the scorer did not train on." + CommonOptions.standardInput),
            .value("anomalous", "FILE", help: "Scores of anomalous samples, real or synthetic (adaptive-f1, synthetic-*)." + CommonOptions.standardInput),
            .value("batch", "FILE", help: "Unlabelled scores of the batch to label (batch-*); labels in it are ignored." + CommonOptions.standardInput),
            StrategyOptions.choiceSpec("strategy", keys: StrategyOptions.registry.keys),
        ] + StrategyOptions.parameterSpecs + CommonOptions.reading + CommonOptions.output)

    static func run(_ args: ParsedArguments, console: Console) throws(CommandError) {
        let quiet = args.flag("quiet")
        let warn: (String) -> Void = { if !quiet { console.err($0) } }
        let fileOptions: ScoreFileOptions, normalPath: String
        do throws(UsageError) {
            normalPath = try args.required("normal")
            fileOptions = try CommonOptions.fileOptions(args)
        } catch { throw CommandError(error, command: spec.name) }
        var (strategy, inputs) = try StrategyOptions.strategyAndScores(args, normal: normalPath, options: fileOptions,
                                                                       warn: warn, command: spec.name)
        if strategy.reads == .unlabelledBatch {
            guard let batchPath = args.string("batch") else {
                throw .usage("\(strategy.name) needs --batch FILE: the unlabelled scores it will label", command: spec.name)
            }
            let set = try ScoreInputs.read(batchPath, options: fileOptions, warn: warn)
            inputs.anomalous = StrategyOptions.batch(set, path: batchPath, strategy: strategy, warn: warn)
        } else if args.string("batch") != nil {
            warn("warning: --batch is ignored by \(strategy.name), which is not transductive")
        }
        let fitted: FittedThreshold
        do throws(ThresholdError) { fitted = try strategy.fitWithExpectation(normal: inputs.normal, anomalous: inputs.anomalous) } catch {
            throw .threshold(error)
        }
        fitted.warnings.forEach { warn("warning: \(fitted.strategy): \($0)") }
        let units = ScoreUnits(lowerIsAnomalous: fileOptions.lowerIsAnomalous)
        if args.flag("json") {
            console.out(units.json(fitted).serialized())
        } else {
            var rows = [("strategy", fitted.strategy), ("threshold", NumberText.exact(units.shown(fitted.value))),
                        ("rule", units.rule), ("target FPR", fitted.targetFPR.map(NumberText.exact) ?? "none stated")]
            if units.lowerIsAnomalous { rows.append(("details below", "describe the negated scores")) }
            rows += fitted.details.map { ($0.name, NumberText.exact($0.value)) }
            let width = rows.map(\.0.count).max() ?? 0
            for (k, v) in rows { console.out(k + String(repeating: " ", count: width - k.count + 2) + v) }
            ExpectationText.lines(fitted).forEach { console.out($0) }
        }
    }
}
