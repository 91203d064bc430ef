import Imaging

/// One output of ``PerlinAnomalyGenerator``: the image, its mask and its label.
public struct SyntheticAnomaly: Sendable, Hashable {
    /// The augmented image; same size, channels and bit depth as the input.
    public var image: Image
    /// Where the anomaly was blended in; empty when untouched.
    public var mask: AnomalyMask
    /// True when an anomaly was applied and its mask is not empty.
    public var isAnomalous: Bool
    /// β of the blend, or nil when the image was left untouched.
    public var blendFactor: Double?
    /// The augmentations applied to the anomaly source, in order.
    public var augmentations: [AnomalyAugmentation]
}
