import ArgumentParsing
import ArrayFormats
import Features
import LinearAlgebra
import Pipeline
import Thresholding

/// `thresholdkit predict`: label new samples with a detector file written by `fit` or `compare --report`.
enum PredictCommand {
    static let spec = CommandSpec(
        name: "predict",
        summary: "Score and label new samples (.npy rows or images) with a saved detector.",
        discussion: """
            INPUT is an N×D .npy matrix of the detector's features, image files, or a folder of images
            (run through the extractor the detector was fitted with; its weights must match). Samples
            come out in input order, a folder's images sorted by name. --json prints one array with an
            object per sample: input, index (the row within a .npy file; 0 for an image), score,
            label (1 = anomalous, score ≥ threshold), p_value (conformal, against the calibration
            scores; null without them), normalized (anomalib's [0, 1] score, 0.5 at the threshold),
            and log_likelihood for KDE detectors. With --fdr Q, each sample also gets bh_selected:
            whether Benjamini–Hochberg at false-discovery rate Q selects it over this whole batch.

            EXAMPLE:
              thresholdkit predict --model bottle.tkd new_images/ --json
            """,
        options: [
            .value("model", "FILE", help: "A detector file from `thresholdkit fit` or `compare --report`."),
            .value("weights", "PATH", help: "EfficientNet-Lite0 weights for image inputs (else $THRESHOLDKIT_WEIGHTS)."),
            .value("fdr", "Q", help: "Also select by Benjamini–Hochberg at false-discovery rate Q over the batch (needs calibration scores)."),
            .flag("no-cache", help: "Do not read or write the per-image feature cache."),
            .flag("skip-unreadable", help: "Leave out image files that cannot be decoded (listed as warnings) instead of failing."),
        ] + CommonOptions.output,
        positionalName: "INPUT")

    static func run(_ args: ParsedArguments, console: Console) throws(CommandError) {
        let modelPath: String, fdr: Double?
        do throws(UsageError) {
            modelPath = try args.required("model")
            fdr = try args.double("fdr")
            if let q = fdr, !(q > 0 && q < 1) { throw UsageError("--fdr must lie in (0, 1), got \(q)") }
        } catch { throw CommandError(error, command: spec.name) }
        guard !args.positionals.isEmpty else { throw .usage("give at least one INPUT (.npy matrix, image files or a folder)", command: spec.name) }
        let detector: Detector
        do throws(PipelineError) { detector = try Detector.read(path: modelPath) } catch { throw .data(error.description) }
        let inputs: InputSet
        do throws(PipelineError) { inputs = try InputSet.resolve(args.positionals) } catch { throw .data(error.description) }

        let rows: [[Float]], origins: [(input: String, index: Int)]
        switch (inputs, detector.features) {
        case let (.vectors(r, o), _):
            rows = r
            origins = o
        case let (.images(paths), .extractor(kind, identifier, _, _)):
            let (_, extractor) = try FeatureOptions.extractor(args, command: spec.name, kind: kind)
            guard extractor.identifier == identifier else {
                throw .data("\(modelPath) was fitted on features \(identifier), but these weights give \(extractor.identifier); pass the same weights with --weights")
            }
            let table = try FeatureOptions.extract(paths, extractor: extractor, args: args, console: console, label: "features")
            rows = table.vectors
            origins = table.paths.map { ($0, 0) }
        case (.images, .vectors):
            throw .data("\(modelPath) was fitted on \(detector.features.summary); give a .npy matrix of the same features, not images")
        }
        let predictions: [Detector.Prediction]
        do throws(PipelineError) {
            predictions = try detector.predict(Matrix(rows: rows.count, columns: rows[0].count, elements: rows.flatMap { $0 }))
        } catch { throw .data(error.description) }
        var selected: [Bool]?
        if let q = fdr {
            let pValues = predictions.compactMap(\.pValue)
            guard pValues.count == predictions.count else {
                throw .data("--fdr needs p-values, and \(modelPath) has no calibration scores (fitted with --calibration none)")
            }
            do throws(ThresholdError) { selected = try BenjaminiHochberg.select(pValues: pValues, q: q).selected } catch {
                throw .data(error.description)
            }
        }

        if args.flag("json") {
            let items: [JSONValue] = zip(origins, predictions).enumerated().map { i, pair in
                let (origin, p) = pair
                var fields: [(key: String, value: JSONValue)] = [
                    ("input", .string(origin.input)), ("index", .number(Double(origin.index))), ("score", .number(p.score)),
                    ("label", .number(p.isAnomalous ? 1 : 0)), ("p_value", JSONValue(number: p.pValue)),
                    ("normalized", .number(p.normalized)),
                ]
                if let l = p.logLikelihood { fields.append(("log_likelihood", .number(l))) }
                if let selected { fields.append(("bh_selected", .bool(selected[i]))) }
                return .object(fields)
            }
            console.out(JSONValue.array(items).serialized())
        } else {
            var table = TextTable(header: ["input", "score", "label", "p-value", "normalized"] + (selected == nil ? [] : ["BH"]),
                                  rightAligned: [1, 3, 4])
            for (i, (origin, p)) in zip(origins, predictions).enumerated() {
                let name = origin.input.hasSuffix(".npy") ? "\(origin.input)[\(origin.index)]" : origin.input
                table.rows.append([name, NumberText.exact(p.score), p.isAnomalous ? "anomalous" : "good",
                                   p.pValue.map(NumberText.exact) ?? "—", NumberText.rate(p.normalized)]
                                  + (selected.map { [$0[i] ? "selected" : ""] } ?? []))
            }
            console.out(table.render())
            let flagged = predictions.filter(\.isAnomalous).count
            console.out("\(flagged) of \(predictions.count) flagged anomalous (threshold \(detector.threshold.strategy) = \(NumberText.exact(detector.threshold.value)))")
        }
    }
}
