import ArrayFormats
import Imaging
import LinearAlgebra

/// Called after each finished image with (images done, images in total), for progress bars.
public typealias FeatureProgress = (_ done: Int, _ total: Int) -> Void

/// Turns images into the features a scorer reads: one vector per image, or a grid of patch
/// vectors per image.
///
/// Conformers are immutable values, safe to share across tasks. The ``identifier``
/// changes whenever the features could change (weights, preprocessing, size, layers), so
/// cached features and fitted detectors can be checked against it. An extractor also
/// describes itself (``kind`` and ``settings``) so a detector file can rebuild it through an
/// ``ExtractorRegistry``.
public protocol FeatureExtractor: Sendable {
    /// The registry key that rebuilds this type, e.g. `efficientnet-lite0`.
    static var kind: String { get }
    /// A stable name for this exact mapping, e.g. `efficientnet-lite0/sha256:…/preprocess-v1/size-256`.
    var identifier: String { get }
    /// The length of every feature row.
    var dimension: Int { get }
    /// What ``init(settings:weightsPath:)`` needs to rebuild this extractor (sizes, layers, …).
    var settings: JSONValue { get }
    /// The SHA-256 of the weights file, for extractors that have one.
    var weightsDigest: String? { get }
    /// Rebuilds an extractor from its settings; `weightsPath` (or `$THRESHOLDKIT_WEIGHTS`) locates weights.
    /// - Throws: ``FeaturesError`` for bad settings or missing weights.
    init(settings: JSONValue, weightsPath: String?) throws(FeaturesError)
    /// The features of every image, in input order.
    ///
    /// - Parameters:
    ///   - images: any size; 1–4 channels (alpha is dropped, grey and colour are converted as the extractor needs).
    ///   - progress: called on the calling thread after each image.
    /// - Throws: ``FeaturesError/invalidImage(index:reason:)`` for an image with no pixels.
    /// - Complexity: linear in the total pixel count, plus the extractor's per-image cost.
    func features(of images: [Image], progress: FeatureProgress) throws(FeaturesError) -> FeatureBatch
}

extension FeatureExtractor {
    public var settings: JSONValue { [:] }
    public var weightsDigest: String? { nil }

    /// The registry key of this extractor's type.
    public var kind: String { Self.kind }

    /// The features of every image, without progress reports.
    /// - Complexity: as ``features(of:progress:)``.
    public func features(of images: [Image]) throws(FeaturesError) -> FeatureBatch {
        try features(of: images, progress: { _, _ in })
    }

    /// The feature rows of one image, flattened row-major.
    /// - Complexity: as ``features(of:progress:)`` for one image.
    public func features(of image: Image) throws(FeaturesError) -> [Float] {
        try features(of: [image], progress: { _, _ in }).rows.elements
    }
}

/// Rejects images a resampler cannot work on.
func validate(_ images: [Image]) throws(FeaturesError) {
    for (i, image) in images.enumerated() where image.width < 1 || image.height < 1 {
        throw .invalidImage(index: i, reason: "has no pixels (\(image.width)×\(image.height))")
    }
}

/// An extractor whose features lie on the image (patch grids), so a map drawn over its network
/// input can be carried back onto the image, and a mask of the image onto the map.
public protocol SpatialFeatureExtractor: FeatureExtractor {
    /// How a `width` × `height` image becomes the network input (resize, crop).
    /// - Throws: ``FeaturesError/invalidImage(index:reason:)`` for an image it cannot take.
    func geometry(width: Int, height: Int) throws(FeaturesError) -> InputGeometry
}
