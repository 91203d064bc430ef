import ArgumentParsing
import Thresholding

/// The strategy a command names (`--strategy` or `fit --threshold`), built from the registry.
enum StrategyOptions {
    static let registry = StrategyRegistry.standard

    /// Every strategy parameter as an option, each key once.
    static var parameterSpecs: [OptionSpec] { ParameterOptions.specs(registry.descriptors.map { ($0.key, $0.parameters) }) }

    /// The strategies a detector file can keep, for `fit`'s help: every one but the transductive
    /// `batch-*`, which the pipeline refuses (``ThresholdScores/requireStorable(_:)``).
    static var detectorDescriptors: [StrategyDescriptor] { registry.descriptors.filter { $0.reads != .unlabelledBatch } }

    /// The parameters of ``detectorDescriptors``, each key once.
    static var detectorParameterSpecs: [OptionSpec] { ParameterOptions.specs(detectorDescriptors.map { ($0.key, $0.parameters) }) }

    /// The option that names the strategy.
    static func choiceSpec(_ name: String, keys: [String], default value: String? = nil) -> OptionSpec {
        .value(name, "NAME", help: "One of: \(keys.joined(separator: ", ")).", default: value)
    }

    /// The strategy named by option `option` (or `fallback`), its parameters read from `args`,
    /// plus a warning per parameter it ignores.
    /// - Throws: ``CommandError/usage(_:command:)`` for an unknown key, a missing required value or a bad value.
    static func make(_ args: ParsedArguments, option: String, fallback: String?,
                     command: String) throws(CommandError) -> (strategy: any Threshold, ignored: [String]) {
        let keys = registry.keys
        guard let key = args.string(option) ?? fallback else {
            throw .usage("missing required option --\(option) (one of: \(keys.joined(separator: ", ")))", command: command)
        }
        guard let descriptor = registry[key] else {
            throw .usage("--\(option) must be one of \(keys.joined(separator: ", ")), got '\(key)'", command: command)
        }
        let values = try ParameterOptions.values(descriptor.parameters, from: args, command: command)
        let ignored = ParameterOptions.stray(registry.allParameters, used: descriptor.parameters, in: args)
            .map { "--\($0) is ignored by \(key)" }
        do throws(ParameterError) { return (try descriptor.make(values), ignored) } catch {
            throw CommandError(error, command: command)
        }
    }
}
