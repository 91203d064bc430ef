import Features
import LinearAlgebra

/// Good samples to fit a detector on, with what made them.
public struct TrainingSamples: Sendable {
    /// One sample per good image or row.
    public var features: FeatureBatch
    /// What the features are, as the detector file records it.
    public var source: FeatureSource
    /// The extractor that made them from images, if they came from images; the detector keeps it.
    public var extractor: (any FeatureExtractor)?
    /// The image file behind each sample, when they came from images: synthetic anomalies are made from these.
    public var imagePaths: [String]?
    /// Labelled anomalous samples, if any: scored and given to strategies that read anomalous scores.
    public var anomalous: FeatureBatch?

    /// Rows of feature vectors given directly.
    public init(vectors: Matrix<Float>, anomalous: Matrix<Float>? = nil) {
        features = FeatureBatch(vectors: vectors)
        source = .vectors(dimension: vectors.columns)
        self.anomalous = anomalous.map(FeatureBatch.init(vectors:))
    }

    /// Features an extractor made from image files (one sample per path).
    public init(images table: FeatureTable, extractor: any FeatureExtractor) {
        features = table.batch
        source = FeatureSource(extractor)
        self.extractor = extractor
        imagePaths = table.paths
    }

    /// The number of good samples.
    public var count: Int { features.count }
}
