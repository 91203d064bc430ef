import Thresholding

/// A pixel-level threshold: which pixel scores it reads, how it is fitted, and what it promises.
///
/// Pixel thresholds are ordinary ``Threshold``s fitted on pixel scores, or on each image's
/// largest pixel score; this says which, so `fit`, `compare` and the detector file agree.
public struct PixelStrategy: Sendable {
    /// The scores a pixel strategy is fitted on.
    public enum Input: Sendable, Hashable {
        /// The largest map value of each held-out good image.
        case imageMaxima
        /// Every pixel of the held-out good images.
        case goodPixels
        /// Good pixels against the pixels inside synthetic anomalies' masks.
        case syntheticPixels
        /// Nothing: a given value.
        case nothing
    }

    public var key: String
    public var summary: String
    /// What a user may rely on, in one line; "estimate" where it is not a guarantee.
    public var guarantee: String
    public var input: Input
    private let build: @Sendable (_ alpha: Double, _ value: Double?) -> any Threshold

    public init(key: String, summary: String, guarantee: String, input: Input,
                make: @escaping @Sendable (Double, Double?) -> any Threshold) {
        self.key = key
        self.summary = summary
        self.guarantee = guarantee
        self.input = input
        self.build = make
    }

    /// The threshold at α (and the value, for manual), named by this strategy's key.
    public func make(alpha: Double, value: Double? = nil) -> any Threshold { build(alpha, value) }

    /// The default: the per-image conformal rule, the promise an inspection line needs.
    public static let imageConformal = PixelStrategy(
        key: "pixel-conformal-image", summary: "conformal quantile of each held-out good image's largest pixel score",
        guarantee: "split conformal per image: a new good image shows no flagged pixel with probability ≥ 1 − α",
        input: .imageMaxima, make: { a, _ in Renamed(ConformalThreshold(alpha: a), name: "pixel-conformal-image") })

    public static let pixelConformal = PixelStrategy(
        key: "pixel-conformal", summary: "conformal quantile of every held-out good pixel",
        guarantee: "estimate: about α of good pixels flagged (pixels of one image are correlated, so this is not a guarantee)",
        input: .goodPixels, make: { a, _ in Renamed(ConformalThreshold(alpha: a), name: "pixel-conformal") })

    public static let syntheticF1 = PixelStrategy(
        key: "pixel-synthetic-f1", summary: "best pixel F1 between good pixels and the pixels inside synthetic anomalies' masks",
        guarantee: "estimate on synthetic anomalies: no false-alarm guarantee",
        input: .syntheticPixels, make: { _, _ in AdaptiveF1Threshold(name: "pixel-synthetic-f1") })

    public static let syntheticBalancedAccuracy = PixelStrategy(
        key: "pixel-synthetic-ba", summary: "best pixel balanced accuracy between good pixels and synthetic anomalies' mask pixels",
        guarantee: "estimate on synthetic anomalies: no false-alarm guarantee",
        input: .syntheticPixels, make: { _, _ in BestBalancedAccuracyThreshold(name: "pixel-synthetic-ba") })

    public static let manual = PixelStrategy(
        key: "pixel-manual", summary: "a fixed pixel cut-off you choose",
        guarantee: "none stated", input: .nothing, make: { _, v in Renamed(ManualThreshold(value: v ?? .infinity), name: "pixel-manual") })

    /// Every pixel strategy, in the order reports list them.
    public static let standard: [PixelStrategy] = [imageConformal, pixelConformal, syntheticF1, syntheticBalancedAccuracy, manual]

    /// The strategy with this key.
    public static func named(_ key: String) -> PixelStrategy? { standard.first { $0.key == key } }
}

/// A strategy under another report key, so pixel thresholds do not share keys with image ones.
struct Renamed: Threshold {
    let base: any Threshold
    let name: String
    init(_ base: any Threshold, name: String) {
        self.base = base
        self.name = name
    }
    var targetFPR: Double? { base.targetFPR }
    var reads: ThresholdInput { base.reads }
    var minimumNormalCount: Int { base.minimumNormalCount }
    func fit(normal: [Double], anomalous: [Double]) throws(ThresholdError) -> FittedThreshold {
        var fitted = try base.fit(normal: normal, anomalous: anomalous)
        fitted.strategy = name
        return fitted
    }
}
