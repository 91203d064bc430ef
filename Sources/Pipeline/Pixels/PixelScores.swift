import Randomness
import Scoring
import Thresholding

/// The pixel scores the pixel strategies read: from the held-out good images' anomaly maps,
/// and from the maps of synthetic anomalies with their masks.
///
/// Pixel sets are capped (``pixelCap`` each, by a seeded subsample) so a large calibration set
/// at a large input size stays within memory; the per-image maxima are kept whole.
public struct PixelScores: Sendable, Hashable {
    /// The largest map value of each held-out good image.
    public var goodMaxima: [Double]
    /// Pixels of the held-out good images (a seeded subsample beyond the cap).
    public var goodPixels: [Double]
    /// Pixels inside the synthetic anomalies' masks, and those outside them.
    public var syntheticInside: [Double]
    public var syntheticOutside: [Double]

    /// At most this many pixels are kept per set.
    public static let pixelCap = 1 << 22

    public init(goodMaxima: [Double] = [], goodPixels: [Double] = [], syntheticInside: [Double] = [], syntheticOutside: [Double] = []) {
        self.goodMaxima = goodMaxima
        self.goodPixels = goodPixels
        self.syntheticInside = syntheticInside
        self.syntheticOutside = syntheticOutside
    }

    /// From the good images' maps, and the synthetic anomalies' maps with their masks at map size (1 inside).
    /// - Complexity: O(pixels).
    init(goodMaps: [AnomalyMap], syntheticMaps: [(map: AnomalyMap, mask: [UInt8])], seed: UInt64) {
        goodMaxima = goodMaps.map { Double($0.maximum) }
        var inside: [Double] = [], outside: [Double] = [], good: [Double] = []
        for m in goodMaps { good += m.values.lazy.map(Double.init) }
        for (map, mask) in syntheticMaps {
            for (v, m) in zip(map.values, mask) {
                if m > 0 { inside.append(Double(v)) } else { outside.append(Double(v)) }
            }
        }
        var g = SeededGenerator(seed: seed)
        goodPixels = Self.capped(good, &g)
        syntheticInside = Self.capped(inside, &g)
        syntheticOutside = Self.capped(outside, &g)
    }

    static func capped(_ values: [Double], _ g: inout SeededGenerator) -> [Double] {
        guard values.count > pixelCap else { return values }
        var copy = values
        for i in 0..<pixelCap { copy.swapAt(i, i + g.nextInt(below: copy.count - i)) }
        return Array(copy[..<pixelCap])
    }

    /// Fits a pixel strategy on the scores it reads.
    /// - Throws: ``PipelineError/invalidSetting(name:value:expected:)`` when its scores are missing
    ///   (synthetic pixels without synthetic anomalies); ``PipelineError/threshold(_:strategy:)``.
    public func fit(_ strategy: PixelStrategy, alpha: Double, value: Double? = nil) throws(PipelineError) -> FittedThreshold {
        let (normal, anomalous): ([Double], [Double])
        switch strategy.input {
        case .imageMaxima: (normal, anomalous) = (goodMaxima, [])
        case .goodPixels: (normal, anomalous) = (goodPixels, [])
        case .syntheticPixels:
            guard !syntheticInside.isEmpty else {
                throw .invalidSetting(name: "pixel-threshold", value: strategy.key,
                                      expected: "synthetic anomalies with masks, which need image inputs and a map scorer")
            }
            (normal, anomalous) = (goodPixels + syntheticOutside, syntheticInside)
        case .nothing: (normal, anomalous) = ([], [])
        }
        let threshold = strategy.make(alpha: alpha, value: value)
        do throws(ThresholdError) { return try threshold.fit(normal: normal, anomalous: anomalous) } catch {
            throw .threshold(error, strategy: strategy.key)
        }
    }
}
