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
        apply(to: AnomalyPattern(image), using: &generator).planes
    }

    /// The same on a pattern that may carry R = G = B as one plane; the same draws in the same order.
    func apply<G: RandomNumberGenerator>(to pattern: AnomalyPattern, using generator: inout G) -> AnomalyPattern {
        switch self {
        case .contrast:
            return pattern.adjustingContrast(Float(generator.nextUniform(0.5, 2)))
        case .brightness:
            let factor = Float(generator.nextUniform(0.8, 1.2))
            return pattern.map { $0.adjustingBrightness(factor) }
        case .sharpness:
            return pattern.map { $0.adjustingSharpness(2) }
        case .hueSaturation:
            let saturation = Float(generator.nextUniform(0.5, 1.5))
            let hue = Float(generator.nextUniform(-50, 50) / 360)
            return pattern.adjustingSaturation(saturation).adjustingHue(hue)
        case .solarize:
            let threshold = Float(generator.nextUniform(32, 128) / 255)
            return pattern.map { $0.solarized(threshold: threshold) }
        case .posterize:
            return pattern.map { $0.posterized(bits: 4) }
        case .invert:
            return pattern.map { $0.inverted() }
        case .autoAugment:
            return AutoAugmentPolicy.imageNet.apply(to: pattern, using: &generator)
        case .equalize:
            return pattern.map { $0.equalized() }
        case .affine:
            let degrees = generator.nextUniform(-45, 45)
            return pattern.map { $0.rotated(degrees: degrees, fill: 0) }
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
