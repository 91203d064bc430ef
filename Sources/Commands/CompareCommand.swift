import ArgumentParsing
import ArrayFormats
import Pipeline
import ScoreFiles
import Thresholding

/// `thresholdkit compare`: every good-score strategy fitted on held-out good scores, evaluated on labelled test scores.
enum CompareCommand {
    /// The strategies a score-file comparison fits, and whose parameters `compare` takes: the
    /// good-score ones and the transductive ones (fitted on the test scores without their labels).
    static let comparedInputs: Set<ThresholdInput> = [.normalScores, .unlabelledBatch]

    static let spec = CommandSpec(
        name: "compare",
        summary: "Compare every threshold strategy: on score files (--normal, --test) or a whole image folder (--dataset).",
        discussion: """
            --normal holds held-out good scores (rows labelled anomalous there are ignored, with a warning).
            --test must have labels. The report adds AUROC and two oracles chosen on the test labels:
            oracle-best-f1 (anomalib's adaptive F1) and oracle-best-balanced-accuracy.
            EVT uses the initial level min(0.98, 1 − 2α) unless --level is given.

            With --dataset DIR the whole pipeline runs on images: features, a scorer fitted on train/good,
            calibration on held-out good images, synthetic Perlin anomalies made from them, the test set
            scored, every strategy (synthetic-ba, synthetic-f1, synthetic-ba-fpr included) compared, and one
            unsupervised threshold recommended. JSON adds "calibration" and "recommended". It trains exactly
            as `fit` does: the same --seed gives the same split, synthetic anomalies and scores.

            EXAMPLES:
              thresholdkit compare --normal calibration.csv --test test.csv --alpha 0.05
              thresholdkit compare --dataset ../shared/datasets/bottle --report out/bottle
            """,
        options: [
            .value("normal", "FILE", help: "Held-out good scores (calibration)." + CommonOptions.standardInput),
            .value("test", "FILE", help: "Labelled test scores." + CommonOptions.standardInput),
        ] + ParameterOptions.specs(StrategyOptions.registry.reading(comparedInputs).map { ($0.key, $0.parameters) })
          + DatasetCompareCommand.options + CommonOptions.reading + CommonOptions.output)

    static func run(_ args: ParsedArguments, console: Console) throws(CommandError) {
        if let dataset = args.string("dataset") {
            if let stray = ["normal", "test"].first(where: { args.string($0) != nil }) {
                throw .usage("--\(stray) and --dataset choose different modes; give score files (--normal, --test) or --dataset DIR, not both",
                             command: spec.name)
            }
            try DatasetCompareCommand.run(args, console: console, datasetPath: dataset)
            return
        }
        let quiet = args.flag("quiet")
        let warn: (String) -> Void = { if !quiet { console.err($0) } }
        let fileOptions: ScoreFileOptions, normalPath: String, testPath: String
        do throws(UsageError) {
            guard args.string("normal") != nil || args.string("test") != nil else {
                throw UsageError("compare needs --normal FILE and --test FILE, or --dataset DIR")
            }
            normalPath = try args.required("normal")
            testPath = try args.required("test")
            fileOptions = try CommonOptions.fileOptions(args)
        } catch { throw CommandError(error, command: spec.name) }
        if let stray = DatasetCompareCommand.options.map(\.name).first(where: { args.string($0) != nil || args.flag($0) }) {
            throw .usage("--\(stray) applies to --dataset only", command: spec.name)
        }
        let strategies = try strategies(args)
        var calibration = ScoreInputs()
        calibration.add(try ScoreInputs.read(normalPath, options: fileOptions, warn: warn), defaultAnomalous: false)
        if !calibration.anomalous.isEmpty {
            warn("warning: \(normalPath): ignored \(calibration.anomalous.count) row(s) labelled anomalous; --normal should hold good scores only")
        }
        let testSet = try ScoreInputs.read(testPath, options: fileOptions, warn: warn)
        guard testSet.labels != nil else {
            throw .data("\(testPath): the test file needs labels (a 'label' column, or \"labels\" in JSON)")
        }
        var test = ScoreInputs()
        test.add(testSet, defaultAnomalous: false)
        guard !test.normal.isEmpty, !test.anomalous.isEmpty else {
            let only = test.normal.isEmpty ? "anomalous" : "good"
            throw .data("\(testPath): every test score is labelled \(only); compare needs both classes")
        }
        try emit(strategies: strategies, calibration: calibration.normal, test: test, alpha: alpha(args),
                 units: ScoreUnits(lowerIsAnomalous: fileOptions.lowerIsAnomalous), json: args.flag("json"), console: console, warn: warn)
    }

    static func alpha(_ args: ParsedArguments) -> Double { args.string("alpha").flatMap(Double.init) ?? 0.05 }

    /// Every good-score strategy with the parameters the command line gives (α, δ, level, …).
    static func strategies(_ args: ParsedArguments) throws(CommandError) -> [any Threshold] {
        var list: [any Threshold] = []
        for d in StrategyOptions.registry.reading(comparedInputs) {
            let values = try ParameterOptions.values(d.parameters, from: args, command: spec.name)
            do throws(ParameterError) { list.append(try d.make(values)) } catch { throw CommandError(error, command: spec.name) }
        }
        return list
    }

    /// Runs the comparison and prints it; shared with the score demo.
    static func emit(
        strategies: [any Threshold], calibration: [Double], test: ScoreInputs, alpha: Double,
        units: ScoreUnits = ScoreUnits(lowerIsAnomalous: false), json: Bool, console: Console, warn: (String) -> Void
    ) throws(CommandError) {
        let comparison: StrategyComparison
        do throws(ThresholdError) {
            comparison = try StrategyComparison(
                strategies: strategies, calibration: calibration, testNormal: test.normal, testAnomalous: test.anomalous)
        } catch { throw .threshold(error) }
        ComparisonReport.warnings(comparison).forEach(warn)
        if json {
            console.out(comparison.json(alpha: alpha, shown: units.shown).serialized())
        } else {
            console.out("AUROC \(NumberText.rate(comparison.auroc))   calibration n = \(comparison.calibrationCount)   "
                        + "test: \(test.normal.count) good, \(test.anomalous.count) anomalous   α = \(NumberText.exact(alpha))")
            console.out("")
            console.out(ComparisonReport.table(comparison, units: units))
            if units.lowerIsAnomalous { console.out("rule: \(units.rule) (thresholds in the file's units)") }
        }
    }
}
