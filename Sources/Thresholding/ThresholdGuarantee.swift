/// What a fitted threshold promises about false alarms on new good samples: a proved
/// bound, or only an estimate.
///
/// Only split conformal (and its PAC variant) prove a bound, and only for scores of good
/// samples the scorer did not train on, exchangeable with future good samples. Every other
/// rule (EVT, the parametric rules, anything fitted on synthetic or labelled anomalies) gives
/// an estimate, however good. Reports print a guarantee only where ``isGuarantee`` holds.
public enum ThresholdGuarantee: Sendable, Hashable {
    /// P(false alarm) ≤ `bound` for a new good sample; `basis` names the theorem's premise.
    case falseAlarmBound(Double, basis: String)
    /// No bound: the false-alarm rate is estimated; `basis` says from what.
    case estimate(basis: String)
    /// The cut-off was given by the user, so nothing was fitted and nothing is promised.
    case given

    /// Whether this is a proved bound rather than an estimate.
    public var isGuarantee: Bool { bound != nil }

    /// The proved bound on P(false alarm), or nil for an estimate or a given cut-off.
    public var bound: Double? {
        guard case .falseAlarmBound(let bound, _) = self else { return nil }
        return bound
    }

    /// One short line for JSON and reports, e.g. "P(false alarm) ≤ 0.05 (split conformal)".
    public var text: String {
        switch self {
        case .falseAlarmBound(let bound, let basis): return "P(false alarm) ≤ \(messageNumber(bound)) (\(basis))"
        case .estimate(let basis): return "estimate, not a guarantee (\(basis))"
        case .given: return "none: a cut-off given by hand"
        }
    }

    /// The promise left when calibration scores are cross-fitted (CV+) rather than split:
    /// the bound doubles in the worst case (Barber et al. 2021); estimates are unchanged.
    public var crossFitted: ThresholdGuarantee {
        guard case .falseAlarmBound(let bound, let basis) = self else { return self }
        return .falseAlarmBound(min(1, 2 * bound), basis: basis + ", cross-fitted calibration: 2α in the worst case")
    }
}
