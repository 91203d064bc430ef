import ArrayFormats
import Foundation
import Thresholding

/// Everything `compare --dataset` found, ready to print or write as a report.
public struct DatasetComparisonResult: Sendable {
    /// One scored test image.
    public struct ScoredImage: Sendable, Hashable {
        public var path: String
        public var category: String
        public var isAnomalous: Bool
        public var score: Double
        /// Conformal p-value against the calibration scores (nil without calibration).
        public var pValue: Double?

        public init(path: String, category: String, isAnomalous: Bool, score: Double, pValue: Double?) {
            self.path = path
            self.category = category
            self.isAnomalous = isAnomalous
            self.score = score
            self.pValue = pValue
        }
    }

    /// The strategy to use, never an oracle, with the reason in one line.
    public typealias Recommendation = ThresholdRecommendation

    public var dataset: String
    public var scorer: String
    public var features: String
    public var calibration: CalibrationMode
    public var alpha: Double
    public var comparison: StrategyComparison
    public var recommended: Recommendation
    public var test: [ScoredImage]
    public var calibrationScores: [Double]
    public var syntheticScores: [Double]
    /// The uniformity test of test-good p-values; nil without calibration scores.
    public var shift: KolmogorovSmirnov?
    /// Where the fitted detector was saved, if it was.
    public var detectorPath: String?
    /// Pixel-level results, for a scorer that draws anomaly maps.
    public var pixel: PixelComparison?
    public var warnings: [String]
    /// The seed of the split, the scorer and synthesis; nil when not known.
    public var seed: UInt64?
    /// The command that produced the result, as typed or rebuilt from its options.
    public var commandLine: String?
    /// The ThresholdKit version that produced it.
    public var version: String?
    /// When the comparison ran.
    public var date: Date?
    /// The name in the report's titles: the dataset's folder name unless set.
    public var title: String

    public init(
        dataset: String, scorer: String, features: String, calibration: CalibrationMode, alpha: Double,
        comparison: StrategyComparison, recommended: Recommendation, test: [ScoredImage],
        calibrationScores: [Double], syntheticScores: [Double], shift: KolmogorovSmirnov?,
        detectorPath: String? = nil, warnings: [String] = [],
        seed: UInt64? = nil, commandLine: String? = nil, version: String? = nil, date: Date? = nil, title: String? = nil
    ) {
        self.dataset = dataset
        self.scorer = scorer
        self.features = features
        self.calibration = calibration
        self.alpha = alpha
        self.comparison = comparison
        self.recommended = recommended
        self.test = test
        self.calibrationScores = calibrationScores
        self.syntheticScores = syntheticScores
        self.shift = shift
        self.detectorPath = detectorPath
        self.warnings = warnings
        self.seed = seed
        self.commandLine = commandLine
        self.version = version
        self.date = date
        self.title = title ?? (dataset as NSString).lastPathComponent
    }

    /// The p-values of test-good images look non-uniform below this KS p-value.
    public static let shiftLevel = 0.01

    /// The recommended threshold against the test oracle; nil when either lacks test metrics.
    public var recommendationCheck: RecommendationCheck? { RecommendationCheck(comparison, recommended: recommended.strategy) }

    /// A one-line warning when the test-good p-values are not uniform.
    public var shiftWarning: String? {
        guard let shift, shift.pValue < Self.shiftLevel else { return nil }
        let side = shift.leansLow
            ? "test-good images score higher than the calibration images, so expect more false alarms than α"
            : "test-good images score lower than the calibration images, so false alarms should stay below α"
        return "test-good p-values are not uniform (KS D = \(shortNumber(shift.statistic)), p = \(shortNumber(shift.pValue)), n = \(shift.count)):"
            + " the good images inspected differ from those used for fitting, so no false-alarm guarantee holds; \(side)"
    }

    /// The `compare --json` contract plus `calibration`, `scorer` (with the configuration `--size auto`
    /// chose, so a JSON reader can tell which one ran) and `recommended`.
    public func json() -> JSONValue {
        guard case .object(var fields) = comparison.json(alpha: alpha) else { return .null }
        fields.append(("calibration", .string(calibration.rawValue)))
        fields.append(("scorer", .string(scorer)))
        fields.append(("recommended", .object([("strategy", .string(recommended.strategy)), ("reason", .string(recommended.reason))])))
        fields.append(("recommendation_check", recommendationCheck?.json ?? .null))
        if let pixel { fields.append(("pixel", pixel.json())) }
        return .object(fields)
    }

    /// `json()` plus provenance and diagnostics, for report.json.
    ///
    /// `recommended` gains its `threshold`, and the members of ``breakdownJSON(limit:)`` follow
    /// the diagnostics. Each strategy's expectation (`expected_fpr`, …) is already in ``json()``.
    public func reportJSON() -> JSONValue {
        guard case .object(var fields) = json() else { return .null }
        fields = fields.map { field in
            switch (field.key, field.value) {
            case ("recommended", .object(let members)):
                return (field.key, .object(members + [("threshold", JSONValue(number: recommendedThreshold))]))
            default:
                return field
            }
        }
        fields.append(("dataset", .string(dataset)))
        fields.append(("features", .string(features)))
        fields.append(("calibration_guarantee", .string(calibration.guarantee)))
        fields.append(("n_synthetic", .number(Double(syntheticScores.count))))
        if let shift {
            fields.append(("test_good_p_value_uniformity", .object([
                ("ks_statistic", .number(shift.statistic)), ("p_value", .number(shift.pValue)),
                ("n", .number(Double(shift.count))), ("shift_suspected", .bool(shiftWarning != nil)),
            ])))
        }
        let details: [(key: String, value: JSONValue)] = comparison.entries.compactMap { e in
            guard let f = e.fitted else { return nil }
            return (e.name, .object(f.details.map { ($0.name, JSONValue(number: $0.value)) }))
        }
        fields.append(("strategy_details", .object(details)))
        if let detectorPath { fields.append(("detector", .string(detectorPath))) }
        fields.append(("warnings", .array(warnings.map(JSONValue.string))))
        return .object(fields + breakdownJSON())
    }
}
