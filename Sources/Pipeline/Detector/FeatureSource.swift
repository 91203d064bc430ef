import ArrayFormats
import Features

/// Where a detector's features come from, recorded so new inputs get the same treatment.
public enum FeatureSource: Sendable, Hashable {
    /// Rows given directly as D-dimensional feature vectors (a `.npy` matrix).
    case vectors(dimension: Int)
    /// Images through an extractor, described well enough to rebuild and check it.
    case extractor(Description)

    /// An extractor as a detector file records it.
    public struct Description: Sendable, Hashable {
        /// The ``ExtractorRegistry`` kind that rebuilds it, e.g. `pixels`.
        public var kind: String
        /// Its settings, as ``FeatureExtractor/settings`` gives them.
        public var settings: JSONValue
        /// Pins weights, preprocessing, size and layers; a rebuilt extractor must give the same.
        public var identifier: String
        /// The length of every feature row.
        public var dimension: Int
        /// The SHA-256 of the weights file, when the extractor has weights.
        public var weightsSHA256: String?
    }

    /// The source of features made by `extractor`.
    public init(_ extractor: any FeatureExtractor) {
        self = .extractor(Description(kind: extractor.kind, settings: extractor.settings, identifier: extractor.identifier,
                                      dimension: extractor.dimension, weightsSHA256: extractor.weightsDigest))
    }

    /// The length of every feature row.
    public var dimension: Int {
        switch self {
        case let .vectors(d): d
        case let .extractor(e): e.dimension
        }
    }

    /// A short description for messages and reports.
    public var summary: String {
        switch self {
        case let .vectors(d): "\(d)-dimensional feature vectors (.npy)"
        case let .extractor(e):
            "\(e.kind) (\(e.dimension)-d)" + (e.weightsSHA256.map { ", weights sha256 \($0.prefix(12))…" } ?? "")
        }
    }
}
