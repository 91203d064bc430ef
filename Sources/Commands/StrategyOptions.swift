import ArgumentParsing
import Thresholding

/// Builds a ``Threshold`` from `--strategy` and its parameters.
enum StrategyOptions {
    static let names = [
        "manual", "adaptive-f1", "conformal", "conformal-conditional", "evt", "gaussian", "mad", "iqr", "lognormal",
    ]

    static let specs: [OptionSpec] = [.value("strategy", "NAME", help: "One of: \(names.joined(separator: ", ")).")] + parameterSpecs

    /// The strategies' parameters, shared with commands that name the strategy differently (`fit --threshold`).
    static let parameterSpecs: [OptionSpec] = [
        .value("alpha", "A", help: "Target false-alarm rate in (0, 1): conformal, conformal-conditional, evt, gaussian, lognormal (and fit's synthetic-ba-fpr).", default: "0.05"),
        .value("delta", "D", help: "conformal-conditional: allowed chance that the realised FPR exceeds α.", default: "0.1"),
        .value("value", "V", help: "manual: the threshold."),
        .value("sigmas", "K", help: "gaussian: use mean + K·σ instead of the normal quantile for α."),
        .value("k", "K", help: "mad: median + K·1.4826·MAD (default 3); iqr: Q3 + K·IQR (default 1.5)."),
        .value("level", "L", help: "evt: quantile level of the initial threshold; needs α < 1 − L.", default: "0.98"),
    ]

    /// Which parameters each strategy reads, so a stray one can be reported.
    static let parameters: [String: Set<String>] = [
        "manual": ["value"], "adaptive-f1": [], "conformal": ["alpha"], "conformal-conditional": ["alpha", "delta"],
        "evt": ["alpha", "level"], "gaussian": ["alpha", "sigmas"], "mad": ["k"], "iqr": ["k"], "lognormal": ["alpha"],
    ]

    /// The strategy, plus warnings for parameters it ignores.
    static func make(_ args: ParsedArguments) throws(UsageError) -> (strategy: any Threshold, ignored: [String]) {
        guard let name = try args.choice("strategy", from: names) else {
            throw UsageError("missing required option --strategy (one of: \(names.joined(separator: ", ")))")
        }
        return try make(args, name: name)
    }

    /// The strategy called `name`, with its parameters read from `args`.
    static func make(_ args: ParsedArguments, name: String) throws(UsageError) -> (strategy: any Threshold, ignored: [String]) {
        let alpha = try args.double("alpha", default: 0.05)
        let ignored = ["alpha", "delta", "value", "sigmas", "k", "level"].filter {
            args.string($0) != nil && !(parameters[name] ?? []).contains($0)
        }.map { "--\($0) is ignored by \(name)" }
        let strategy: any Threshold
        switch name {
        case "manual":
            guard let v = try args.double("value") else { throw UsageError("--strategy manual needs --value V") }
            strategy = ManualThreshold(value: v)
        case "adaptive-f1": strategy = AdaptiveF1Threshold()
        case "conformal": strategy = ConformalThreshold(alpha: alpha)
        case "conformal-conditional":
            strategy = ConditionalConformalThreshold(alpha: alpha, delta: try args.double("delta", default: 0.1))
        case "evt": strategy = EVTThreshold(alpha: alpha, level: try args.double("level", default: 0.98))
        case "gaussian":
            strategy = GaussianThreshold(try args.double("sigmas").map { .sigmas($0) } ?? .alpha(alpha))
        case "mad": strategy = MADThreshold(k: try args.double("k", default: 3))
        case "iqr": strategy = IQRThreshold(k: try args.double("k", default: 1.5))
        default: strategy = LognormalThreshold(alpha: alpha)
        }
        return (strategy, ignored)
    }
}
