import ArgumentParsing
import Thresholding

/// The strategy a command names (`--strategy` or `fit --threshold`), built from the registry.
enum StrategyOptions {
    static let registry = StrategyRegistry.standard

    /// Every strategy parameter as an option, each key once.
    static var parameterSpecs: [OptionSpec] { ParameterOptions.specs(registry.descriptors.map { ($0.key, $0.parameters) }) }

    /// The parameters of the strategies a detector file can keep (``detectorKeys``), each key once.
    static var detectorParameterSpecs: [OptionSpec] {
        ParameterOptions.specs(registry.descriptors.filter { $0.reads != .unlabelledBatch }.map { ($0.key, $0.parameters) })
    }

    /// The strategies a detector file can keep: every one but the transductive `batch-*`, which
    /// need the unlabelled batch being labelled, and a detector is fitted before that batch exists.
    static var detectorKeys: [String] { registry.descriptors.filter { $0.reads != .unlabelledBatch }.map(\.key) }

    /// The option that names the strategy.
    static func choiceSpec(_ name: String, keys: [String], default value: String? = nil) -> OptionSpec {
        .value(name, "NAME", help: "One of: \(keys.joined(separator: ", ")).", default: value)
    }

    /// The strategy named by option `option` (or `fallback`), its parameters read from `args`,
    /// plus a warning per parameter it ignores.
    /// - Throws: ``CommandError/usage(_:command:)`` for an unknown key, a missing required value or a bad value.
    static func make(_ args: ParsedArguments, option: String, fallback: String?, allowed: [String]? = nil,
                     command: String) throws(CommandError) -> (strategy: any Threshold, ignored: [String]) {
        let keys = allowed ?? registry.keys
        guard let key = args.string(option) ?? fallback else {
            throw .usage("missing required option --\(option) (one of: \(keys.joined(separator: ", ")))", command: command)
        }
        if !keys.contains(key), registry[key]?.reads == .unlabelledBatch {
            throw .usage("\(key) is transductive: it is fitted on the unlabelled scores being labelled, which a detector file cannot hold; "
                         + "use `thresholdkit label --strategy \(key) --normal GOOD --input BATCH`, or compare", command: command)
        }
        guard keys.contains(key), let descriptor = registry[key] else {
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
