import ArgumentParsing
import Thresholding
import ArrayFormats
import Foundation
import Pipeline
import Synthesis

/// `thresholdkit synthesize`: Perlin-noise anomalies made from good images, with their masks.
enum SynthesizeCommand {
    static let spec = CommandSpec(
        name: "synthesize",
        summary: "Make synthetic Perlin anomalies from good images: NAME.png plus NAME_mask.png (0/255).",
        discussion: """
            Every output gets an anomaly (probability 1): a Perlin-noise mask, and inside it a blend
            (factor β drawn from --blend) of the image with noise or a --source texture, after 3 of
            the 10 augmentations. Pixels outside the mask are left exactly as decoded. --count
            outputs cycle through the inputs; NAME is the input's file stem and the output's index.
            The same --seed gives the same bytes.

            EXAMPLE:
              thresholdkit synthesize --input bottle/train/good --output synthetic --count 20 --seed 1
            """,
        options: [
            .value("input", "DIR|FILE", help: "Good images, or folders of them (searched recursively).", repeatable: true),
            .value("output", "DIR", help: "Folder for the outputs; created if missing."),
            .value("count", "N", help: "Number of outputs.", default: "one per input"),
            .value("seed", "S", help: "Seed of the masks, augmentations and blend factors.", default: "0"),
            .value("blend", "LO,HI", help: "Range of the blend factor β, each in [0, 1] with HI > 0 (anomalib's validation split uses 0.01,0.2).", default: "0.5,1.0"),
            .value("source", "DIR", help: "Folder of texture images to blend in (e.g. DTD).", default: "the Perlin noise itself"),
            .value("size", "WxH", help: "Resize inputs to W×H first.", default: "each input's size"),
            .flag("dual-mask", help: "Join a second independent mask with probability 0.5 (larger, split defects)."),
        ] + CommonOptions.output,
        positionalName: "MORE_INPUT")

    static func run(_ args: ParsedArguments, console: Console) throws(CommandError) {
        let quiet = args.flag("quiet")
        let inputs = args.strings("input") + args.positionals
        guard !inputs.isEmpty else { throw .usage("missing required option --input", command: spec.name) }
        guard let output = args.string("output") else { throw .usage("missing required option --output", command: spec.name) }
        var job = SynthesisJob(inputs: [], outputDirectory: output)
        let counts = try ParameterOptions.values([countSpec], from: args, command: spec.name)
        job.count = counts.integer("count")
        job.seed = UInt64(try ParameterOptions.values([seedSpec], from: args, command: spec.name).integer("seed") ?? 0)
        job.generator.blendRange = try ImageOptions.blend(args, command: spec.name)
        do throws(UsageError) {
            if let s = args.string("size") { job.size = try size(s) }
        } catch { throw CommandError(error, command: spec.name) }
        if args.flag("dual-mask") { job.generator.mask.style = .dual() }
        do throws(PipelineError) {
            guard case let .images(paths) = try InputSet.resolve(inputs) else {
                throw .invalidInput(name: "input", value: inputs[0], expected: "images or folders of images, not .npy files")
            }
            job.inputs = paths
            if let source = args.string("source") { job.generator.source = .textures(try SynthesisJob.textures(in: source)) }
        } catch { throw .pipeline(error) }
        let bar = ProgressBar("synthesize", console: console, quiet: quiet)
        let result: (outputs: [SynthesisJob.Output], warnings: [String])
        do throws(PipelineError) { result = try job.run { bar.update($0, of: $1) } } catch { bar.finish(); throw .pipeline(error) }
        bar.finish()
        if !quiet { result.warnings.forEach { console.err("warning: \($0)") } }
        if args.flag("json") {
            console.out(JSONValue.array(result.outputs.map { o in
                ["name": .string(o.name), "image": .string(o.image), "mask": .string(o.mask), "source": .string(o.source),
                 "blend": .number(o.blend), "coverage": .number(o.coverage)]
            }).serialized())
        } else {
            let mean = result.outputs.map(\.coverage).reduce(0, +) / Double(result.outputs.count)
            console.out("wrote \(result.outputs.count) synthetic anomalies with masks to \(job.outputDirectory) "
                        + "(mean mask coverage \(String(format: "%.1f", mean * 100))%)")
        }
    }

    static let countSpec = ParameterSpec.integer("count", "N", in: 1...10_000_000, help: "")
    static let seedSpec = ParameterSpec.integer("seed", "S", default: 0, in: 0...Int.max, help: "")

    /// Parses `WxH` with positive integers.
    static func size(_ text: String) throws(UsageError) -> (width: Int, height: Int) {
        let parts = text.lowercased().split(separator: "x").map { Int($0) }
        guard parts.count == 2, let w = parts[0], let h = parts[1], w >= 1, h >= 1, w * h <= 100_000_000 else {
            throw UsageError("--size expects WxH with positive integers (at most 100 megapixels), got '\(text)'")
        }
        return (w, h)
    }
}
