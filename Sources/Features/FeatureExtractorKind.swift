/// The extractors this module ships, by the names the CLI and stored metadata use.
public enum FeatureExtractorKind: String, Sendable, Hashable, CaseIterable {
    /// ``EfficientNetExtractor``: 1280-d ImageNet features; needs the weights.
    case efficientNetLite0 = "efficientnet-lite0"
    /// ``PixelsExtractor``: the grey 32 × 32 thumbnail, 1024-d.
    case pixels
    /// ``PixelsExtractor`` at 128 × 128: the grey image Deep SVDD's convolutional encoder takes, 16384-d.
    case grey128

    /// Parses a name such as `efficientnet-lite0` or `pixels`.
    /// - Throws: ``FeaturesError/unknownExtractor(name:)`` listing the valid names.
    public init(name: String) throws(FeaturesError) {
        guard let kind = FeatureExtractorKind(rawValue: name) else { throw .unknownExtractor(name: name) }
        self = kind
    }

    /// Builds the extractor; only EfficientNet-Lite0 reads `weightsPath` (or `$THRESHOLDKIT_WEIGHTS` when `nil`).
    /// - Complexity: O(1) for pixels; reading the 19 MB weights for EfficientNet-Lite0.
    public func makeExtractor(weightsPath: String? = nil) throws(FeaturesError) -> any FeatureExtractor {
        switch self {
        case .efficientNetLite0: return try EfficientNetExtractor(weightsPath: weightsPath)
        case .pixels: return PixelsExtractor()
        case .grey128: return PixelsExtractor(size: 128)
        }
    }
}
