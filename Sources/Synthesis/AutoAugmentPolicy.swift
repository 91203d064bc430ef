import Imaging
import Randomness

/// torchvision's `AutoAugment(AutoAugmentPolicy.IMAGENET)` on float images.
///
/// Picks one of the 25 learned sub-policies uniformly; each of its two
/// operations runs with its own probability at a magnitude bin 0…9:
/// rotate 30·m/9 degrees, shearX 0.3·m/9, colour/contrast/sharpness factor 1 ± 0.1·m
/// (signed ones flip with probability ½), solarize threshold 1 − m/9,
/// posterize 8 − round(m/2.25) bits. Rotation and shear sample bilinearly
/// with fill 0 (torchvision: nearest).
public struct AutoAugmentPolicy: Sendable, Hashable {
    /// An operation of a sub-policy.
    public enum Operation: String, Sendable, Hashable {
        case posterize, rotate, solarize, autoContrast, equalize, color, contrast, sharpness, invert, shearX
    }

    /// One step: the operation, the probability it runs and its magnitude bin.
    public struct Step: Sendable, Hashable {
        public var operation: Operation
        public var probability: Double
        public var magnitude: Int
    }

    /// The sub-policies, two steps each.
    public var subPolicies: [[Step]]

    /// The ImageNet policy of Cubuk et al. (2019), as listed in torchvision.
    public static let imageNet = AutoAugmentPolicy(subPolicies: [
        [s(.posterize, 0.4, 8), s(.rotate, 0.6, 9)],
        [s(.solarize, 0.6, 5), s(.autoContrast, 0.6, 0)],
        [s(.equalize, 0.8, 0), s(.equalize, 0.6, 0)],
        [s(.posterize, 0.6, 7), s(.posterize, 0.6, 6)],
        [s(.equalize, 0.4, 0), s(.solarize, 0.2, 4)],
        [s(.equalize, 0.4, 0), s(.rotate, 0.8, 8)],
        [s(.solarize, 0.6, 3), s(.equalize, 0.6, 0)],
        [s(.posterize, 0.8, 5), s(.equalize, 1.0, 0)],
        [s(.rotate, 0.2, 3), s(.solarize, 0.6, 8)],
        [s(.equalize, 0.6, 0), s(.posterize, 0.4, 6)],
        [s(.rotate, 0.8, 8), s(.color, 0.4, 0)],
        [s(.rotate, 0.4, 9), s(.equalize, 0.6, 0)],
        [s(.equalize, 0.0, 0), s(.equalize, 0.8, 0)],
        [s(.invert, 0.6, 0), s(.equalize, 1.0, 0)],
        [s(.color, 0.6, 4), s(.contrast, 1.0, 8)],
        [s(.rotate, 0.8, 8), s(.color, 1.0, 2)],
        [s(.color, 0.8, 8), s(.solarize, 0.8, 7)],
        [s(.sharpness, 0.4, 7), s(.invert, 0.6, 0)],
        [s(.shearX, 0.6, 5), s(.equalize, 1.0, 0)],
        [s(.color, 0.4, 0), s(.equalize, 0.6, 0)],
        [s(.equalize, 0.4, 0), s(.solarize, 0.2, 4)],
        [s(.solarize, 0.6, 5), s(.autoContrast, 0.6, 0)],
        [s(.invert, 0.6, 0), s(.equalize, 1.0, 0)],
        [s(.color, 0.6, 4), s(.contrast, 1.0, 8)],
        [s(.equalize, 0.8, 0), s(.equalize, 0.6, 0)],
    ])

    private static func s(_ operation: Operation, _ probability: Double, _ magnitude: Int) -> Step {
        Step(operation: operation, probability: probability, magnitude: magnitude)
    }

    /// Applies one uniformly chosen sub-policy.
    ///
    /// Draw order: the sub-policy index, then per step its run/skip draw and,
    /// for signed operations that run, the sign.
    /// - Complexity: O(width × height × channels).
    public func apply<G: RandomNumberGenerator>(to image: PlanarImage, using generator: inout G) -> PlanarImage {
        apply(to: AnomalyPattern(image), using: &generator).planes
    }

    /// The same on a pattern that may carry R = G = B as one plane; the same draws in the same order.
    func apply<G: RandomNumberGenerator>(to pattern: AnomalyPattern, using generator: inout G) -> AnomalyPattern {
        precondition(!subPolicies.isEmpty, "a policy needs sub-policies")
        var result = pattern
        for step in subPolicies[generator.nextInt(below: subPolicies.count)] {
            guard generator.nextUnitInterval() < step.probability else { continue }
            result = Self.run(step, on: result, using: &generator)
        }
        return result
    }

    private static func run<G: RandomNumberGenerator>(_ step: Step, on pattern: AnomalyPattern, using generator: inout G) -> AnomalyPattern {
        let m = Double(step.magnitude)
        func signed(_ value: Double) -> Double { generator.nextInt(below: 2) == 1 ? -value : value }
        switch step.operation {
        case .posterize:
            let bits = 8 - Int((m / 2.25).rounded(.toNearestOrEven))
            return pattern.map { $0.posterized(bits: bits) }
        case .rotate:
            let degrees = signed(30 * m / 9)
            return pattern.map { $0.rotated(degrees: degrees, fill: 0) }
        case .solarize: return pattern.map { $0.solarized(threshold: Float(1 - m / 9)) }
        case .autoContrast: return pattern.map { $0.autocontrasted() }
        case .equalize: return pattern.map { $0.equalized() }
        case .color: return pattern.adjustingSaturation(Float(1 + signed(0.1 * m)))
        case .contrast: return pattern.adjustingContrast(Float(1 + signed(0.1 * m)))
        case .sharpness:
            let factor = Float(1 + signed(0.1 * m))
            return pattern.map { $0.adjustingSharpness(factor) }
        case .invert: return pattern.map { $0.inverted() }
        case .shearX:
            let factor = signed(0.3 * m / 9)
            return pattern.map { $0.shearedHorizontally(by: factor, fill: 0) }
        }
    }
}
