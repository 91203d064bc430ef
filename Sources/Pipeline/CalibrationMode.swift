import Thresholding

/// How a scorer gets calibration scores from good samples it did not train on.
public enum CalibrationMode: String, Sendable, Hashable, CaseIterable, Codable {
    /// Hold out a seeded fraction (20%) for calibration; fit the scorer on the rest.
    case split
    /// K-fold cross-fitting: every good sample gets an out-of-fold score, and the final
    /// scorer is fitted on all of them. Guarantees only FPR ≤ 2α in the worst case.
    case crossfit
    /// Fit on everything, no calibration scores: only manual and adaptive-F1 thresholds apply.
    case none

    /// What a user may rely on, in one line, for reports and `--help`.
    public var guarantee: String {
        switch self {
        case .split: return "split conformal: P(false alarm) ≤ α for a new good sample"
        case .crossfit: return "cross-fitted (CV+): false-alarm rate ≤ 2α in the worst case, usually close to α; not the split guarantee"
        case .none: return "no calibration scores: normal-score thresholds are unavailable"
        }
    }
}

extension CalibrationMode {
    /// `fitted` with the guarantee its expectation can claim under this calibration: cross-fitted
    /// scores keep only a 2α bound (CV+); split scores keep the strategy's own.
    public func adjusting(_ fitted: FittedThreshold) -> FittedThreshold {
        guard self == .crossfit, let expectation = fitted.expectation else { return fitted }
        var adjusted = fitted
        adjusted.expectation?.guarantee = expectation.guarantee.crossFitted
        return adjusted
    }
}
