/// A fitted cut-off that labels scores and explains how it was chosen.
public struct FittedThreshold: Sendable, Hashable {
    /// The key of the strategy that produced it, e.g. `"evt"`.
    public var strategy: String
    /// The cut-off: a score at or above it is anomalous.
    public var value: Double
    /// The false-alarm rate the strategy aimed for, if it states one.
    public var targetFPR: Double?
    /// Strategy-specific facts in a stable order (n, k, peaks, shape, …).
    public var details: [Detail]
    /// Caveats worth showing a user (few peaks, heavy ties, …).
    public var warnings: [String]
    /// What to expect on new data, when it was estimated (``Threshold/fitWithExpectation(normal:anomalous:folds:)``).
    public var expectation: ThresholdExpectation?
    /// Why this cut-off was chosen, when a rule chose among strategies (`recommended`).
    public var reason: String?

    public init(
        strategy: String, value: Double, targetFPR: Double? = nil,
        details: [Detail] = [], warnings: [String] = [], expectation: ThresholdExpectation? = nil
    ) {
        self.expectation = expectation
        self.strategy = strategy
        self.value = value
        self.targetFPR = targetFPR
        self.details = details
        self.warnings = warnings
    }

    /// Whether `score` is anomalous: `score >= value`.
    @inlinable
    public func isAnomalous(_ score: Double) -> Bool { score >= value }

    /// Labels every score: `true` means anomalous.
    public func labels(for scores: [Double]) -> [Bool] { scores.map { $0 >= value } }

    /// The value of the named detail, if present.
    public func detail(_ name: String) -> Double? {
        details.first { $0.name == name }?.value
    }
}

/// One named number that explains a fitted threshold.
public struct Detail: Sendable, Hashable, Codable {
    public var name: String
    public var value: Double

    public init(_ name: String, _ value: Double) {
        self.name = name
        self.value = value
    }

    public init(_ name: String, _ value: Int) {
        self.init(name, Double(value))
    }
}
