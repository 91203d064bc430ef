import Features
import Scoring
import Thresholding

/// A scorer the command line can fit by name, with its parameters declared once.
///
/// Adding a scorer is its own files in Scoring (the ``AnomalyScorer`` and, to be saved,
/// ``ArchivableScorer`` conformance), one descriptor file here, and one line in
/// ``ScorerCatalog/standard``.
public struct ScorerDescriptor: Sendable {
    /// The name `--scorer` takes, e.g. `kde`.
    public var name: String
    /// One line for help.
    public var summary: String
    /// Its settings, each with type, default and help.
    public var parameters: [ParameterSpec]
    /// The feature preset used when none is named (`grey128` for svdd-conv).
    public var defaultFeatures: String
    /// The feature presets it accepts; nil for any preset that gives one vector per image.
    public var acceptedFeatures: [String]?
    /// The type a detector file restores it as.
    public var archivedType: any ArchivableScorer.Type
    private let build: @Sendable (ParameterValues, _ seed: UInt64, _ dimension: Int) throws(PipelineError) -> any AnomalyScorer
    private let buildExtractor: (@Sendable (String, ParameterValues, String?) throws(FeaturesError) -> any FeatureExtractor)?
    private let buildAlternatives: @Sendable (ParameterValues) -> [ParameterValues]

    /// - Parameters:
    ///   - make: the unfitted scorer for these values, a seed and the feature dimension.
    ///   - makeExtractor: for scorers of feature maps, the extractor for a preset name, the
    ///     values and a weights path; nil uses the preset as it is.
    public init(name: String, summary: String, parameters: [ParameterSpec], defaultFeatures: String = "efficientnet-lite0",
                acceptedFeatures: [String]? = nil, archivedType: any ArchivableScorer.Type,
                make: @escaping @Sendable (ParameterValues, UInt64, Int) throws(PipelineError) -> any AnomalyScorer,
                makeExtractor: (@Sendable (String, ParameterValues, String?) throws(FeaturesError) -> any FeatureExtractor)? = nil,
                alternatives: @escaping @Sendable (ParameterValues) -> [ParameterValues] = { _ in [] }) {
        self.name = name
        self.summary = summary
        self.parameters = parameters
        self.defaultFeatures = defaultFeatures
        self.acceptedFeatures = acceptedFeatures
        self.archivedType = archivedType
        self.build = make
        self.buildExtractor = makeExtractor
        self.buildAlternatives = alternatives
    }

    /// The concrete settings to choose among when `values` leave a choice open (`--size auto`);
    /// empty when they are already concrete. ``ConfigurationSelection`` picks among them.
    public func alternatives(_ values: ParameterValues) -> [ParameterValues] { buildAlternatives(values) }

    /// Empty values for this scorer's parameters, ready to `set`.
    public var emptyValues: ParameterValues { ParameterValues(parameters) }

    /// The unfitted scorer.
    /// - Throws: ``PipelineError/invalidSetting(name:value:expected:)`` when the values or the
    ///   feature dimension do not suit it (svdd-conv on features that are not a square image).
    public func make(_ values: ParameterValues, seed: UInt64, dimension: Int) throws(PipelineError) -> any AnomalyScorer {
        try build(values, seed, dimension)
    }

    /// The extractor this scorer reads images through: `preset` (default ``defaultFeatures``).
    /// - Throws: ``PipelineError/invalidSetting(name:value:expected:)`` for a preset it does not
    ///   accept; ``PipelineError/features(_:)`` for missing weights or bad settings.
    public func extractor(preset: String?, values: ParameterValues, weightsPath: String?,
                          registry: ExtractorRegistry = .standard) throws(PipelineError) -> any FeatureExtractor {
        let name = preset ?? defaultFeatures
        if let accepted = acceptedFeatures, !accepted.contains(name) {
            throw .invalidSetting(name: "features", value: name,
                                  expected: "\(accepted.joined(separator: " or ")) for --scorer \(self.name)")
        }
        do throws(FeaturesError) {
            if let buildExtractor { return try buildExtractor(name, values, weightsPath) }
            return try registry.make(preset: name, weightsPath: weightsPath)
        } catch {
            // The scorer's own extractor is built from the caller's option values, so a bad layer
            // name or size is a usage error (exit 2), not bad data.
            switch error {
            case .unknownLayer(let layer):
                throw .invalidSetting(name: "layers", value: layer, expected: error.description)
            case .invalidSetting(let field, let value, let expected) where buildExtractor != nil:
                throw .invalidSetting(name: field, value: value.isEmpty ? "(given)" : value, expected: expected)
            default:
                throw .features(error)
            }
        }
    }
}

extension ScorerDescriptor {
    /// Whether this scorer draws anomaly maps (and so takes pixel thresholds).
    public var drawsMaps: Bool { (archivedType as any AnomalyScorer.Type) is any AnomalyMapScorer.Type }
}
