import Imaging

/// Where the anomalous pattern blended into the image comes from.
public enum AnomalySource: Sendable, Hashable {
    /// The mask's rotated Perlin noise mapped to noise·0.5 + 0.25 in every channel (anomalib without textures).
    case noise
    /// A texture drawn uniformly from the list (for example the DTD set), converted
    /// to the image's colour channels and resized to the image size (antialiased bilinear).
    case textures([Image])
}
