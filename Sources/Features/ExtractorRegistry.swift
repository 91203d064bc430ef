import ArrayFormats

/// The feature extractors ThresholdKit knows: by kind, to rebuild one from a detector file,
/// and by name, the presets a command line offers (`--features pixels`).
///
/// Adding an extractor is its own file plus one line in ``standard``.
public struct ExtractorRegistry: Sendable {
    /// A named, ready-made configuration, e.g. `grey128` = pixels at 128 × 128.
    public struct Preset: Sendable {
        public var name: String
        public var summary: String
        /// The kind it builds and its settings.
        public var kind: String
        public var settings: JSONValue
    }

    private var restorers: [(kind: String, make: @Sendable (JSONValue, String?) throws(FeaturesError) -> any FeatureExtractor)] = []
    /// The presets, in the order help lists them.
    public private(set) var presets: [Preset] = []

    public init() {}

    /// Every extractor ThresholdKit ships, and its presets.
    public static let standard = ExtractorRegistry()
        .adding(EfficientNetExtractor.self, presets: [
            ("efficientnet-lite0", "EfficientNet-Lite0 ImageNet features, pooled to 1280-d (needs the weights)", [:]),
        ])
        .adding(PixelsExtractor.self, presets: [
            ("pixels", "the grey image shrunk to 32×32, 1024-d (no weights)", ["size": 32]),
            ("grey128", "the grey image at 128×128, 16384-d: what svdd-conv reads", ["size": 128]),
        ])
        .adding(EfficientNetPatchExtractor.self)

    /// The registry with `type` and its presets (name, summary, settings) added.
    public func adding<E: FeatureExtractor>(_ type: E.Type, presets: [(String, String, JSONValue)] = []) -> ExtractorRegistry {
        var copy = self
        copy.restorers.removeAll { $0.kind == E.kind }
        copy.restorers.append((E.kind, { settings, weights throws(FeaturesError) in try E(settings: settings, weightsPath: weights) }))
        for (name, summary, settings) in presets {
            copy.presets.removeAll { $0.name == name }
            copy.presets.append(Preset(name: name, summary: summary, kind: E.kind, settings: settings))
        }
        return copy
    }

    /// The preset names, in order.
    public var presetNames: [String] { presets.map(\.name) }

    /// The extractor a preset names.
    /// - Throws: ``FeaturesError/unknownExtractor(name:known:)``, or the extractor's own error (missing weights).
    public func make(preset name: String, weightsPath: String? = nil) throws(FeaturesError) -> any FeatureExtractor {
        guard let preset = presets.first(where: { $0.name == name }) else { throw .unknownExtractor(name: name, known: presetNames) }
        return try make(kind: preset.kind, settings: preset.settings, weightsPath: weightsPath)
    }

    /// Rebuilds an extractor of `kind` from stored settings.
    /// - Throws: ``FeaturesError/unknownExtractor(name:known:)`` for an unregistered kind, or the extractor's own error.
    public func make(kind: String, settings: JSONValue, weightsPath: String? = nil) throws(FeaturesError) -> any FeatureExtractor {
        guard let entry = restorers.first(where: { $0.kind == kind }) else {
            throw .unknownExtractor(name: kind, known: restorers.map(\.kind))
        }
        return try entry.make(settings, weightsPath)
    }
}
