import Imaging

/// Called after each finished image with (images done, images in total), for progress bars.
public typealias FeatureProgress = (_ done: Int, _ total: Int) -> Void

/// Turns images into fixed-length feature vectors.
///
/// Conformers are immutable values, safe to share across tasks. The
/// ``identifier`` changes whenever the vectors could change (weights,
/// preprocessing), so stored features and fitted scorers can be checked against it.
public protocol FeatureExtractor: Sendable {
    /// A stable name for this exact mapping, e.g. `efficientnet-lite0/sha256:…/preprocess-v1`.
    var identifier: String { get }
    /// The length of every feature vector.
    var dimension: Int { get }
    /// One feature vector per image, in input order.
    ///
    /// - Parameters:
    ///   - images: any size; 1–4 channels (alpha is dropped, grey and colour are converted as the extractor needs).
    ///   - progress: called on the calling thread after each image.
    /// - Throws: ``FeaturesError/invalidImage(index:reason:)`` for an image with no pixels.
    /// - Complexity: linear in the total pixel count, plus the extractor's per-image cost.
    func features(of images: [Image], progress: FeatureProgress) throws(FeaturesError) -> [[Float]]
}

extension FeatureExtractor {
    /// One feature vector per image, without progress reports.
    /// - Complexity: as ``features(of:progress:)``.
    public func features(of images: [Image]) throws(FeaturesError) -> [[Float]] {
        try features(of: images, progress: { _, _ in })
    }

    /// The feature vector of one image.
    /// - Complexity: as ``features(of:progress:)`` for one image.
    public func features(of image: Image) throws(FeaturesError) -> [Float] {
        try features(of: [image], progress: { _, _ in })[0]
    }
}

/// Rejects images a resampler cannot work on.
func validate(_ images: [Image]) throws(FeaturesError) {
    for (i, image) in images.enumerated() where image.width < 1 || image.height < 1 {
        throw .invalidImage(index: i, reason: "has no pixels (\(image.width)×\(image.height))")
    }
}
