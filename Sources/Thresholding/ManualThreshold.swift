/// A fixed cut-off chosen by the user.
public struct ManualThreshold: Threshold {
    public var reads: ThresholdInput { .nothing }
    /// The cut-off; a score at or above it is anomalous.
    public var value: Double

    public var name: String { "manual" }
    public var targetFPR: Double? { nil }

    public init(value: Double) { self.value = value }

    /// Returns `value` unchanged; the scores are only checked for NaN and ±inf.
    public func fit(normal: [Double], anomalous: [Double]) throws(ThresholdError) -> FittedThreshold {
        try requireFinite(value, name: "value")
        try requireFinite(normal, set: "normal")
        try requireFinite(anomalous, set: "anomalous")
        return FittedThreshold(strategy: name, value: value)
    }
}

extension ManualThreshold {
    public static let descriptor = StrategyDescriptor(
        key: "manual", family: .manual, summary: "a fixed cut-off you choose",
        parameters: [.number("value", "V", required: true, help: "manual: the threshold.")], reads: .nothing,
        make: { v in ManualThreshold(value: v.number("value") ?? 0) })
}
