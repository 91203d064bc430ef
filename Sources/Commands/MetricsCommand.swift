import ArgumentParsing
import ArrayFormats
import ScoreFiles
import Thresholding

/// `thresholdkit metrics`: AUROC, average precision, the oracles, and the confusion counts at a threshold.
enum MetricsCommand {
    static let spec = CommandSpec(
        name: "metrics",
        summary: "Evaluate labelled scores: AUROC, average precision, oracles, and counts at --threshold.",
        discussion: """
            All metrics are exact with ties. Rates with a zero denominator are undefined (— or null),
            except F1, which is 0. With --curves the JSON adds the ROC curve (first point at threshold
            +∞, written null) and the precision–recall curve over distinct scores, ascending.

            EXAMPLE:
              thresholdkit metrics --test test.csv --threshold 3.2 --json
            """,
        options: [
            .value("test", "FILE", help: "Labelled scores." + CommonOptions.standardInput),
            .value("threshold", "T", help: "Also report the labelling at this threshold (score ≥ T is anomalous; ≤ with --lower-is-anomalous)."),
            .flag("curves", help: "Include the ROC and precision–recall curves in the JSON output."),
        ] + CommonOptions.reading + CommonOptions.output)

    static func run(_ args: ParsedArguments, console: Console) throws(CommandError) {
        let quiet = args.flag("quiet")
        let warn: (String) -> Void = { if !quiet { console.err($0) } }
        let testPath: String, threshold: Double?, fileOptions: ScoreFileOptions
        do throws(UsageError) {
            testPath = try args.required("test")
            threshold = try args.double("threshold")
            fileOptions = try CommonOptions.fileOptions(args)
        } catch { throw CommandError(error, command: spec.name) }
        let set = try ScoreInputs.read(testPath, options: fileOptions, warn: warn)
        guard let labels = set.labels else {
            throw .data("\(testPath): metrics need labels (a 'label' column, or \"labels\" in JSON)")
        }
        let units = ScoreUnits(lowerIsAnomalous: fileOptions.lowerIsAnomalous)
        var fields: [(key: String, value: JSONValue)] = []
        var lines: [(String, String)] = []
        do throws(ThresholdError) {
            let sweep = try ScoreSweep(scores: set.scores, labels: labels)
            let area = try auroc(sweep)
            let ap = try averagePrecision(sweep)
            fields += [("n_normal", .number(Double(sweep.normalCount))), ("n_anomalous", .number(Double(sweep.anomalousCount))),
                       ("auroc", .number(area)), ("average_precision", .number(ap))]
            lines += [("normal", String(sweep.normalCount)), ("anomalous", String(sweep.anomalousCount)),
                      ("AUROC", NumberText.exact(area)), ("average precision", NumberText.exact(ap))]
            if let threshold {
                // The threshold is given in the file's units; the scores were turned around on reading.
                let c = try ConfusionCounts(threshold: units.internalValue(threshold), scores: set.scores, labels: labels)
                fields.append(("at_threshold", counts(c, threshold: threshold)))
                lines += [("threshold", NumberText.exact(threshold)),
                          ("TP FP TN FN", "\(c.truePositives) \(c.falsePositives) \(c.trueNegatives) \(c.falseNegatives)"),
                          ("precision", NumberText.rate(c.precision)), ("recall (TPR)", NumberText.rate(c.recall)),
                          ("FPR", NumberText.rate(c.falsePositiveRate)), ("F1", NumberText.rate(c.f1)),
                          ("balanced accuracy", NumberText.rate(c.balancedAccuracy))]
            }
            for oracle in StrategyComparison.oracles {
                let normal = zip(set.scores, labels).filter { !$0.1 }.map(\.0)
                let anomalous = zip(set.scores, labels).filter { $0.1 }.map(\.0)
                let fitted = try oracle.fit(normal: normal, anomalous: anomalous)
                let c = try ConfusionCounts(threshold: fitted.value, normal: normal, anomalous: anomalous)
                fields.append((oracle.name, counts(c, threshold: units.shown(fitted.value))))
                lines.append((oracle.name, "\(NumberText.exact(units.shown(fitted.value)))  F1 \(NumberText.rate(c.f1))  BA \(NumberText.rate(c.balancedAccuracy))"))
            }
            if args.flag("curves") {
                let roc = try ROCCurve(sweep: sweep)
                let pr = try PrecisionRecallCurve(sweep: sweep)
                fields.append(("roc", .object([("fpr", numbers(roc.falsePositiveRates)), ("tpr", numbers(roc.truePositiveRates)),
                                               ("thresholds", numbers(roc.thresholds.map(units.shown)))])))
                fields.append(("pr", .object([("precision", numbers(pr.precision)), ("recall", numbers(pr.recall)),
                                              ("thresholds", numbers(pr.thresholds.map(units.shown)))])))
            }
        } catch { throw .data("\(testPath): \(error.description)") }  // names the file, which ThresholdError cannot

        if args.flag("json") {
            console.out(JSONValue.object(fields).serialized())
        } else {
            let width = lines.map(\.0.count).max() ?? 0
            for (k, v) in lines { console.out(k + String(repeating: " ", count: width - k.count + 2) + v) }
        }
    }

    static func counts(_ c: ConfusionCounts, threshold: Double) -> JSONValue {
        .object([
            ("threshold", .number(threshold)), ("tp", .number(Double(c.truePositives))), ("fp", .number(Double(c.falsePositives))),
            ("tn", .number(Double(c.trueNegatives))), ("fn", .number(Double(c.falseNegatives))),
            ("precision", NumberText.json(c.precision)), ("recall", NumberText.json(c.recall)), ("f1", .number(c.f1)),
            ("balanced_accuracy", NumberText.json(c.balancedAccuracy)), ("fpr", NumberText.json(c.falsePositiveRate)),
            ("tpr", NumberText.json(c.truePositiveRate)),
        ])
    }

    static func numbers(_ xs: [Double]) -> JSONValue { .array(xs.map { NumberText.json($0) }) }
}
