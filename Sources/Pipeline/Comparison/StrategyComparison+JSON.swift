import ArrayFormats
import Thresholding

extension StrategyComparison {
    /// `{"auroc", "n_calibration", "alpha", "strategies": {name: {...}}}`: the compare contract that checks read.
    ///
    /// Each strategy has `threshold, f1, balanced_accuracy, fpr, tpr, target_fpr, oracle`,
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
