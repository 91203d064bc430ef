import Imaging
import Randomness

/// Synthetic anomalies from good images: anomalib's `PerlinAnomalyGenerator` (REFERENCE §5).
///
/// With probability `probability` (else the image is returned untouched with
/// an empty mask): draw a Perlin mask M, take the anomaly source P (textures
/// or noise), apply `augmentationsPerSample` distinct augmentations drawn from
/// `augmentations`, draw β uniformly from `blendRange`, and blend
/// out = I·(1 − M) + β·P·M + (1 − β)·I·M on samples scaled to [0, 1].
///
/// Guarantees:
/// - pixels outside the mask are copied, so they are bit-identical to the input;
///   inside, the blend is rounded to the nearest level and clamped;
/// - alpha, if any, is copied unchanged everywhere;
/// - the same generator state gives the same bytes. Draw order: apply-or-not,
///   the mask (see ``PerlinMaskGenerator``), the texture index, the
///   augmentation choice, each augmentation's parameters, then β.
public struct PerlinAnomalyGenerator: Sendable, Hashable {
    /// The mask maker: noise, threshold, rotation range and style.
    public var mask: PerlinMaskGenerator
    /// Textures or the mask's own noise.
    public var source: AnomalySource
    /// The augmentations to draw from (anomalib: all ten).
    public var augmentations: [AnomalyAugmentation]
    /// How many distinct augmentations each anomaly gets (anomalib: 3).
    public var augmentationsPerSample: Int
    /// β is uniform in this range (anomalib's generator 0.2…1.0; its synthetic validation split 0.01…0.2).
    public var blendRange: ClosedRange<Double>
    /// The chance an image is changed at all (anomalib 0.5; 1 for "always").
    public var probability: Double

    /// - Precondition: finite blend range, probability in [0, 1], non-empty textures of positive size.
    public init(mask: PerlinMaskGenerator = PerlinMaskGenerator(), source: AnomalySource = .noise,
                augmentations: [AnomalyAugmentation] = AnomalyAugmentation.allCases, augmentationsPerSample: Int = 3,
                blendRange: ClosedRange<Double> = 0.2...1.0, probability: Double = 0.5) {
        precondition(blendRange.lowerBound.isFinite && blendRange.upperBound.isFinite, "blend range must be finite")
        precondition((0...1).contains(probability), "probability must lie in [0, 1]")
        precondition(augmentationsPerSample >= 0, "augmentation count must be non-negative")
        if case .textures(let images) = source {
            precondition(!images.isEmpty, "a texture source needs at least one image")
            precondition(images.allSatisfy { $0.width > 0 && $0.height > 0 }, "textures must not be empty")
        }
        self.mask = mask
        self.source = source
        self.augmentations = augmentations
        self.augmentationsPerSample = augmentationsPerSample
        self.blendRange = blendRange
        self.probability = probability
    }

    /// Makes one synthetic sample from `image`.
    /// - Complexity: O(attempts × width × height + width × height × channels).
    public func generate<G: RandomNumberGenerator>(from image: Image, using generator: inout G) -> SyntheticAnomaly {
        let untouched = SyntheticAnomaly(image: image, mask: AnomalyMask(width: image.width, height: image.height),
                                         isAnomalous: false, blendFactor: nil, augmentations: [])
        guard image.width > 0, image.height > 0, generator.nextUnitInterval() < probability else { return untouched }

        let drawn = mask.generate(width: image.width, height: image.height, using: &generator)
        var pattern = anomalySource(for: image, noise: drawn.noise, using: &generator)
        let chosen = AnomalyAugmentation.draw(augmentationsPerSample, from: augmentations, using: &generator)
        for augmentation in chosen { pattern = augmentation.apply(to: pattern, using: &generator) }
        let beta = generator.nextUniform(blendRange.lowerBound, blendRange.upperBound)

        let blended = Self.blend(image, pattern: pattern, mask: drawn.mask, beta: Float(beta))
        return SyntheticAnomaly(image: blended, mask: drawn.mask, isAnomalous: !drawn.mask.isEmpty,
                                blendFactor: beta, augmentations: chosen)
    }

    /// The anomaly pattern P with the image's colour channels and size.
    ///
    /// The noise source has every colour plane equal to the noise mapped onto [0, 1]; for a colour
    /// image it is kept as one plane standing for all three (see ``AnomalyPattern``).
    private func anomalySource<G: RandomNumberGenerator>(for image: Image, noise: PlanarImage, using generator: inout G) -> AnomalyPattern {
        let channels = image.colourChannels
        switch source {
        case .noise:
            var plane = noise
            plane.values.withUnsafeMutableBufferPointer { v in
                for i in v.indices { v[i] = v[i] * 0.5 + 0.25 }
            }
            return channels == 3 ? AnomalyPattern(greyRGB: plane) : AnomalyPattern(plane)
        case .textures(let textures):
            let texture = textures[generator.nextInt(below: textures.count)].converted(toChannels: channels)
            return AnomalyPattern(PlanarImage(texture).resized(width: image.width, height: image.height))
        }
    }

    /// out = β·P + (1 − β)·I inside the mask; input samples copied outside it and in the alpha channel.
    static func blend(_ image: Image, pattern: AnomalyPattern, mask: AnomalyMask, beta: Float) -> Image {
        switch image.samples {
        case .uint8(let s):
            return Image(width: image.width, height: image.height, channels: image.channels,
                         pixels: blendSamples(s, channels: image.channels, pattern: pattern, mask: mask, beta: beta))
        case .uint16(let s):
            return Image(width: image.width, height: image.height, channels: image.channels,
                         pixels16: blendSamples(s, channels: image.channels, pattern: pattern, mask: mask, beta: beta))
        }
    }

    private static func blendSamples<T: FixedWidthInteger & UnsignedInteger>(
        _ samples: [T], channels: Int, pattern: AnomalyPattern, mask: AnomalyMask, beta: Float
    ) -> [T] {
        var out = samples
        let plane = pattern.planes.pixelCount
        let colour = pattern.isGreyRGB ? 3 : pattern.planes.channels
        // A grey RGB pattern's one plane serves every colour channel.
        let planeStride = pattern.isGreyRGB ? 0 : plane
        let maximum = Float(T.max)
        let scale = 1 / maximum
        out.withUnsafeMutableBufferPointer { o in
            pattern.planes.values.withUnsafeBufferPointer { p in
                mask.values.withUnsafeBufferPointer { m in
                    for pixel in 0..<plane where m[pixel] != 0 {
                        let base = pixel * channels
                        for c in 0..<colour {
                            let original = Float(o[base + c]) * scale
                            let mixed = beta * p[c * planeStride + pixel] + (1 - beta) * original
                            // Same rounding as PlanarImage.image(bitDepth:): clamp, then nearest level.
                            let clamped = mixed > 0 ? (mixed < 1 ? mixed : 1) : 0
                            // Non-negative and at most T.max + 0.5: truncation rounds half up. Through UInt32,
                            // as the generic Float → T conversion is an out-of-line call.
                            o[base + c] = T(truncatingIfNeeded: UInt32(clamped * maximum + 0.5))
                        }
                    }
                }
            }
        }
        return out
    }
}
