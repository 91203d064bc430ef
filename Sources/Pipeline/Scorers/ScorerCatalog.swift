import Scoring

/// The scorers `fit` and `compare` can fit by name, and the registry detector files are read with.
public struct ScorerCatalog: Sendable {
    public private(set) var descriptors: [ScorerDescriptor]

    public init(_ descriptors: [ScorerDescriptor]) { self.descriptors = descriptors }

    /// Every scorer ThresholdKit ships: one line each.
    public static let standard = ScorerCatalog([
        KDEClassifier.descriptor,
        DeepSVDDScorer.mlpDescriptor,
        DeepSVDDScorer.convolutionalDescriptor,
        PatchCoreScorer.descriptor,
    ])

    /// The scorer called `name`, if any.
    public subscript(name: String) -> ScorerDescriptor? { descriptors.first { $0.name == name } }

    /// Every name, in order.
    public var names: [String] { descriptors.map(\.name) }

    /// The catalog with `descriptor` added (or replacing one of the same name).
    public func adding(_ descriptor: ScorerDescriptor) -> ScorerCatalog {
        var copy = self
        copy.descriptors.removeAll { $0.name == descriptor.name }
        copy.descriptors.append(descriptor)
        return copy
    }

    /// The registry that restores every scorer kind in the catalog from a detector file.
    public var registry: ScorerRegistry { ScorerRegistry(descriptors.map(\.archivedType)) }
}
