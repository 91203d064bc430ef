import ArgumentParsing
import Pipeline
import Thresholding

/// The pixel-threshold options of `fit` and `compare --dataset` (scorers that draw anomaly maps).
enum PixelOptions {
    static let keys = PixelStrategy.standard.map(\.key)

    static var specs: [OptionSpec] {
        [
            .value("pixel-threshold", "NAME",
                   help: "patchcore: the pixel threshold the detector keeps: " + PixelStrategy.standard.map { "\($0.key) (\($0.guarantee))" }.joined(separator: "; ") + ".",
                   default: PixelStrategy.imageConformal.key),
            .value("pixel-alpha", "A", help: "patchcore: α of the pixel threshold.", default: "--alpha"),
            .value("pixel-value", "V", help: "patchcore: the cut-off of pixel-manual."),
        ]
    }

    static let alphaSpec = ParameterSpec.number("pixel-alpha", "A", in: .open(0, 1), help: "")
    static let valueSpec = ParameterSpec.number("pixel-value", "V", help: "")

    /// The pixel strategy, α and value the options name; nil fields are left to the caller's defaults.
    static func chosen(_ args: ParsedArguments, drawsMaps: Bool, command: String) throws(CommandError) -> (PixelStrategy, Double?, Double?) {
        let given = ["pixel-threshold", "pixel-alpha", "pixel-value"].filter { args.string($0) != nil }
        if !drawsMaps, let first = given.first {
            throw .usage("--\(first) applies to scorers that draw anomaly maps (--scorer patchcore)", command: command)
        }
        let key = args.string("pixel-threshold") ?? PixelStrategy.imageConformal.key
        guard let strategy = PixelStrategy.named(key) else {
            throw .usage("--pixel-threshold must be one of \(keys.joined(separator: ", ")), got '\(key)'", command: command)
        }
        let values = try ParameterOptions.values([alphaSpec, valueSpec], from: args, command: command)
        if strategy.input == .nothing && values.number("pixel-value") == nil {
            throw .usage("pixel-manual needs --pixel-value V", command: command)
        }
        return (strategy, values.number("pixel-alpha"), values.number("pixel-value"))
    }
}
