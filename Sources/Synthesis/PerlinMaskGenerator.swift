import Imaging
import Randomness

/// Random blob-shaped masks made by thresholding rotated Perlin noise, as anomalib's `PerlinAnomalyGenerator`.
///
/// One attempt (REFERENCE §5): draw noise; if no value exceeds the threshold,
/// rescale it linearly to [−1, 1] (except in the `.plain` style); rotate it by an
/// angle uniform in `rotationRange` (bilinear, fill 0;
/// ``Imaging/PlanarImage/rotated(degrees:fill:)``); mask = noise > threshold.
/// The ``PerlinMaskStyle`` decides rescaling, retries and the dual mask.
public struct PerlinMaskGenerator: Sendable, Hashable {
    /// The noise each attempt draws.
    public var noise: PerlinNoise
    /// Mask = rotated noise > threshold (anomalib 0.5).
    public var threshold: Float
    /// Rotation angles in degrees, drawn uniformly (anomalib −90…90).
    public var rotationRange: ClosedRange<Double>
    /// Rescaling, retries and the dual mask.
    public var style: PerlinMaskStyle

    /// anomalib's defaults: one-octave noise, threshold 0.5, ±90°, retrying up to 10 times.
    public init(noise: PerlinNoise = PerlinNoise(), threshold: Float = 0.5,
                rotationRange: ClosedRange<Double> = -90...90, style: PerlinMaskStyle = .retrying()) {
        precondition(rotationRange.lowerBound.isFinite && rotationRange.upperBound.isFinite, "rotation range must be finite")
        self.noise = noise
        self.threshold = threshold
        self.rotationRange = rotationRange
        self.style = style
    }

    /// A mask and the rotated noise that made it.
    public struct Result: Sendable, Hashable {
        /// The final mask (the union of both for a dual mask).
        public var mask: AnomalyMask
        /// The rotated noise of the first mask: the anomaly source when no textures are given.
        public var noise: PlanarImage
        /// Noise fields drawn in total, over both masks of a dual style.
        public var attempts: Int
    }

    /// Draws a `width` × `height` mask.
    /// - Complexity: O(attempts × width × height).
    public func generate<G: RandomNumberGenerator>(width: Int, height: Int, using generator: inout G) -> Result {
        var attempts = 0
        let first = retryingMask(width: width, height: height, attempts: &attempts, using: &generator)
        var mask = first.mask
        if case .dual(let probability, _) = style, generator.nextUnitInterval() < probability {
            mask = mask.union(retryingMask(width: width, height: height, attempts: &attempts, using: &generator).mask)
        }
        return Result(mask: mask, noise: first.noise, attempts: attempts)
    }

    /// Up to `style.maxAttempts` single attempts, stopping at the first non-empty mask.
    private func retryingMask<G: RandomNumberGenerator>(
        width: Int, height: Int, attempts: inout Int, using generator: inout G
    ) -> (mask: AnomalyMask, noise: PlanarImage) {
        var last = singleAttempt(width: width, height: height, using: &generator)
        attempts += 1
        var tries = 1
        while last.mask.isEmpty && tries < style.maxAttempts {
            last = singleAttempt(width: width, height: height, using: &generator)
            attempts += 1
            tries += 1
        }
        return last
    }

    /// One noise draw, rescale if needed, rotation and threshold.
    func singleAttempt<G: RandomNumberGenerator>(width: Int, height: Int, using generator: inout G) -> (mask: AnomalyMask, noise: PlanarImage) {
        var field = noise.generate(width: width, height: height, using: &generator)
        if style.rescalesWeakNoise { Self.rescaleIfBelow(threshold, &field) }
        let angle = generator.nextUniform(rotationRange.lowerBound, rotationRange.upperBound)
        let rotated = field.rotated(degrees: angle, fill: 0)
        return (AnomalyMask(field: rotated, threshold: threshold), rotated)
    }

    /// Maps `field` linearly onto [−1, 1] when nothing exceeds `threshold`, so a weak field still yields a blob.
    static func rescaleIfBelow(_ threshold: Float, _ field: inout PlanarImage) {
        var low = Float.infinity
        var high = -Float.infinity
        // Plain comparisons (not min/max, which order NaN) let this loop vectorise.
        field.values.withUnsafeBufferPointer { values in
            for v in values {
                low = v < low ? v : low
                high = v > high ? v : high
            }
        }
        // A constant field has no shape to stretch; leave it (its mask is empty).
        guard high <= threshold, high > low else { return }
        let scale = 2 / (high - low)
        field.values.withUnsafeMutableBufferPointer { v in
            for i in v.indices { v[i] = (v[i] - low) * scale - 1 }
        }
    }
}
