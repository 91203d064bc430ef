import ArrayFormats
import Thresholding

extension StrategyComparison {
    /// `{"auroc", "n_calibration", "alpha", "strategies": {name: {...}}}`: the compare contract that checks read.
    ///
    /// Each strategy has `threshold, f1, balanced_accuracy, fpr, tpr, target_fpr, oracle`, `transductive`
    /// (true for `batch-*`, fitted on the test scores without their labels),
    /// what to expect from it, estimated without test labels (`expected_fpr`,
    /// `expected_fpr_interval`, `estimated_tpr`, `guarantee`; null for the oracles),
    /// plus `error` when it could not be fitted (its threshold and metrics are then null).
    /// - Parameter shown: maps a threshold to the units it is printed in (negated for files where lower is anomalous).
    public func json(alpha: Double, shown: (Double) -> Double = { $0 }) -> JSONValue {
        let strategies: [(key: String, value: JSONValue)] = entries.map { e in
            var fields: [(key: String, value: JSONValue)] = [
                ("threshold", JSONValue(number: e.fitted.map { shown($0.value) })),
                ("f1", JSONValue(number: e.counts?.f1)),
                ("balanced_accuracy", JSONValue(number: e.counts?.balancedAccuracy)),
                ("fpr", JSONValue(number: e.counts?.falsePositiveRate)),
                ("tpr", JSONValue(number: e.counts?.truePositiveRate)),
                ("target_fpr", JSONValue(number: e.targetFPR)),
                ("oracle", .bool(e.isOracle)),
                ("transductive", .bool(e.isTransductive)),
            ]
            let x = e.fitted?.expectation
            fields += [
                ("expected_fpr", JSONValue(number: x?.expectedFPR)),
                ("expected_fpr_interval", x.map { .array([.number($0.falseAlarms.lower), .number($0.falseAlarms.upper)]) } ?? .null),
                ("estimated_tpr", JSONValue(number: x?.estimatedTPR)),
                ("guarantee", x.map { .string($0.guarantee.text) } ?? (e.isOracle ? .string("oracle: chosen on the test labels") : .null)),
            ]
            if let error = e.error { fields.append(("error", .string(error.description))) }
            return (e.name, .object(fields))
        }
        return .object([
            ("auroc", .number(auroc)), ("n_calibration", .number(Double(calibrationCount))),
            ("alpha", .number(alpha)), ("strategies", .object(strategies)),
        ])
    }
}
