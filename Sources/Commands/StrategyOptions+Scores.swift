import ArgumentParsing
import ScoreFiles
import Thresholding

extension StrategyOptions {
    /// The `--strategy` and the scores to fit it on (the `--normal` file and the optional `--anomalous` one),
    /// as `threshold` and `label` read them: warns about parameters the strategy ignores, and about
    /// `--anomalous` when the strategy reads good scores only.
    /// - Throws: ``CommandError/usage(_:command:)`` for a bad strategy or parameter; read errors of either file.
    static func strategyAndScores(_ args: ParsedArguments, normal normalPath: String, options: ScoreFileOptions,
                                  warn: (String) -> Void, command: String) throws(CommandError)
        -> (strategy: any Threshold, fitOn: ScoreInputs)
    {
        let built = try make(args, option: "strategy", fallback: nil, command: command)
        built.ignored.forEach { warn("warning: \($0)") }
        let fitOn = try ScoreInputs.normalAndAnomalous(normal: normalPath, anomalous: args.string("anomalous"),
                                                       options: options, warn: warn)
        if args.string("anomalous") != nil, built.strategy.reads == .normalScores || built.strategy.reads == .nothing {
            warn("warning: --anomalous is ignored by \(built.strategy.name), which reads good scores only")
        }
        if args.string("anomalous") != nil, built.strategy.reads == .unlabelledBatch {
            warn("warning: --anomalous is ignored by \(built.strategy.name), which reads good scores and the unlabelled batch")
        }
        return (built.strategy, fitOn)
    }

    /// The unlabelled batch a transductive strategy (`batch-*`) is fitted on: every score of `set`,
    /// its labels ignored with a warning, since a batch being labelled has none.
    static func batch(_ set: ScoreSet, path: String, strategy: any Threshold, warn: (String) -> Void) -> [Double] {
        if set.labels != nil { warn("warning: \(path): its labels are ignored; \(strategy.name) reads the batch unlabelled") }
        return set.scores
    }
}
