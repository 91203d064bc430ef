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

            EXAMPLE:
              thresholdkit label --strategy conformal --normal calibration.csv --input new.csv --fdr 0.1
            """,
        options: [
            .value("normal", "FILE", help: "Good scores: fit the threshold and compute p-values."),
            .value("anomalous", "FILE", help: "Anomalous scores (adaptive-f1)."),
            .value("input", "FILE", help: "Scores to label."),
            .value("fdr", "Q", help: "Also select by Benjamini–Hochberg at false-discovery rate Q."),
        ] + StrategyOptions.specs + CommonOptions.reading + CommonOptions.output)

    static func run(_ args: ParsedArguments, console: Console) throws(CommandError) {
        let quiet = args.flag("quiet")
        let warn: (String) -> Void = { if !quiet { console.err($0) } }
        let built: (strategy: any Threshold, ignored: [String])
        let fileOptions: ScoreFileOptions, normalPath: String, inputPath: String, fdr: Double?
        do throws(UsageError) {
            normalPath = try args.required("normal")
            inputPath = try args.required("input")
            built = try StrategyOptions.make(args)
            fileOptions = try CommonOptions.fileOptions(args)
            fdr = try args.double("fdr")
        } catch { throw CommandError(error, command: spec.name) }
        built.ignored.forEach { warn("warning: \($0)") }

        var fitOn = ScoreInputs()
        fitOn.add(try ScoreInputs.read(normalPath, options: fileOptions, warn: warn), defaultAnomalous: false)
        if let path = args.string("anomalous") {
            fitOn.add(try ScoreInputs.read(path, options: fileOptions, warn: warn), defaultAnomalous: true)
        }
        let input = try ScoreInputs.read(inputPath, options: fileOptions, warn: warn).scores
        let explained: [ScoreExplanation]
        do throws(ThresholdError) {
            let fitted = try built.strategy.fit(normal: fitOn.normal, anomalous: fitOn.anomalous)
            fitted.warnings.forEach { warn("warning: \(fitted.strategy): \($0)") }
            let norm = ScoreNormalization(threshold: fitted.value, fittedOn: fitOn.normal + fitOn.anomalous)
            explained = try fitted.explain(input, calibration: fitOn.normal, normalization: norm, fdr: fdr)
        } catch { throw .data(error.description) }

        if args.flag("json") {
            let rows: [JSONValue] = explained.enumerated().map { i, e in
                var fields: [(key: String, value: JSONValue)] = [
                    ("index", .number(Double(i))), ("score", .number(e.score)), ("label", .number(e.isAnomalous ? 1 : 0)),
                    ("p_value", NumberText.json(e.pValue)), ("normalized", .number(e.normalized)),
                ]
                if let s = e.selectedAtFDR { fields.append(("bh_selected", .bool(s))) }
                return .object(fields)
            }
            console.out(JSONValue.array(rows).serialized())
        } else {
            var t = TextTable(header: ["index", "score", "label", "p-value", "normalized"] + (fdr == nil ? [] : ["BH"]))
            t.rightAligned = [0, 1, 3, 4]
            for (i, e) in explained.enumerated() {
                t.rows.append([String(i), NumberText.exact(e.score), e.isAnomalous ? "anomalous" : "good",
                               e.pValue.map(NumberText.exact) ?? "—", NumberText.rate(e.normalized)]
                              + (e.selectedAtFDR.map { [$0 ? "selected" : ""] } ?? []))
            }
            console.out(t.render())
        }
    }
}
