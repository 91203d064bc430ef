import Imaging

/// The fixed preprocessing the reference features were made with (REFERENCE §7), version 1.
///
/// 1. Convert to RGB: grey is replicated, alpha dropped; samples scaled to [0, 1].
/// 2. Resize to `size` × `size` with the antialiased bilinear filter (torch/PIL `antialias=True`).
/// 3. Normalise with the ImageNet mean (0.485, 0.456, 0.406) and std (0.229, 0.224, 0.225).
///
/// Any change to these steps must bump ``version``, which is part of the
/// extractor's identifier.
public struct ImageNetPreprocessing: Sendable, Hashable {
    /// The output side length; 256 for the reference features.
    public let size: Int

    /// Named in feature identifiers so stored features can be checked against the code.
    public static let version = "preprocess-v1:rgb01-antialias-bilinear-imagenet"

    public init(size: Int = 256) {
        precondition(size > 0, "size must be positive")
        self.size = size
    }

    /// The network input for `image`: 3 planes of `size` × `size`.
    /// - Precondition: the image has at least one pixel.
    /// - Complexity: O(input pixels + size²).
    public func callAsFunction(_ image: Image) -> PlanarImage {
        PlanarImage(image.converted(toChannels: 3))
            .resized(width: size, height: size, filter: .antialiasedBilinear)
            .normalized(.imageNet)
    }
}
