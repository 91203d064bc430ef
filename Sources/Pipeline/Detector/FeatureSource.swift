import Features

/// Where a detector's input vectors come from, recorded so new inputs get the same treatment.
public enum FeatureSource: Sendable, Hashable {
    /// Rows given directly as D-dimensional feature vectors (a `.npy` matrix).
    case vectors(dimension: Int)
    /// Images through a named extractor. `identifier` pins weights and preprocessing;
    /// `weightsSHA256` is the digest of the weights file, when the extractor has weights.
    case extractor(kind: FeatureExtractorKind, identifier: String, dimension: Int, weightsSHA256: String?)

    /// The source of vectors made by `extractor`.
    public init(_ extractor: any FeatureExtractor, kind: FeatureExtractorKind) {
        let digest = (extractor as? EfficientNetExtractor)?.network.weightsDigest
        self = .extractor(kind: kind, identifier: extractor.identifier, dimension: extractor.dimension,
                          weightsSHA256: digest)
    }

    /// The length of every input vector.
    public var dimension: Int {
        switch self {
        case let .vectors(d): d
        case let .extractor(_, _, d, _): d
        }
    }

    /// A short description for messages and reports.
    public var summary: String {
        switch self {
        case let .vectors(d): "\(d)-dimensional feature vectors (.npy)"
        case let .extractor(kind, _, d, digest):
            "\(kind.rawValue) (\(d)-d)" + (digest.map { ", weights sha256 \($0.prefix(12))…" } ?? "")
        }
    }
}
