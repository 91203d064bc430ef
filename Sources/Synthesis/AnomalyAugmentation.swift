import Imaging
import Randomness

/// The ten augmentations anomalib draws from for the anomaly source (REFERENCE §5).
///
/// Each uses torchvision's float semantics through the ``Imaging/PlanarImage``
/// operations; random parameters are drawn from the generator when applied.
/// Geometric ones sample bilinearly with fill 0 (torchvision's transforms
/// default to nearest; bilinear is used throughout for smoother sources).
public enum AnomalyAugmentation: String, Sendable, Hashable, CaseIterable {
    /// Contrast factor uniform in [0.5, 2].
    case contrast
    /// Brightness factor uniform in [0.8, 1.2].
    case brightness
    /// Sharpness factor 2.
    case sharpness
    /// Saturation factor uniform in [0.5, 1.5], then hue shifted uniformly by ±50°.
    case hueSaturation
    /// Solarize with a threshold uniform in [32, 128] / 255.
    case solarize
    /// Keep 4 bits per channel.
    case posterize
    /// 1 − x.
    case invert
    /// torchvision's AutoAugment ImageNet policy (see ``AutoAugmentPolicy``).
    case autoAugment
    /// Per-channel histogram equalisation.
    case equalize
    /// Rotation by an angle uniform in [−45°, 45°] about the centre, fill 0.
    case affine

    /// Applies the augmentation, drawing its parameters from `generator`.
    /// - Complexity: O(width × height × channels).
    public func apply<G: RandomNumberGenerator>(to image: PlanarImage, using generator: inout G) -> PlanarImage {
        switch self {
        case .contrast:
            return image.adjustingContrast(Float(generator.nextUniform(0.5, 2)))
        case .brightness:
            return image.adjustingBrightness(Float(generator.nextUniform(0.8, 1.2)))
        case .sharpness:
            return image.adjustingSharpness(2)
        case .hueSaturation:
            let saturation = Float(generator.nextUniform(0.5, 1.5))
            let hue = Float(generator.nextUniform(-50, 50) / 360)
            return image.adjustingSaturation(saturation).adjustingHue(hue)
        case .solarize:
            return image.solarized(threshold: Float(generator.nextUniform(32, 128) / 255))
        case .posterize:
            return image.posterized(bits: 4)
        case .invert:
            return image.inverted()
        case .autoAugment:
            return AutoAugmentPolicy.imageNet.apply(to: image, using: &generator)
        case .equalize:
            return image.equalized()
        case .affine:
            return image.rotated(degrees: generator.nextUniform(-45, 45), fill: 0)
        }
    }

    /// `count` distinct augmentations from `pool`, in the random order they will be applied.
    ///
    /// A partial Fisher–Yates shuffle; all of `pool` when it has fewer than `count`.
    public static func draw<G: RandomNumberGenerator>(_ count: Int, from pool: [AnomalyAugmentation],
                                                      using generator: inout G) -> [AnomalyAugmentation] {
        var remaining = pool
        var chosen: [AnomalyAugmentation] = []
        for _ in 0..<min(max(count, 0), pool.count) {
            chosen.append(remaining.remove(at: generator.nextInt(below: remaining.count)))
        }
        return chosen
    }
}
