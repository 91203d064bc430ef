import ArrayFormats
import Pipeline
import Thresholding

/// The direction of the user's score file. With `--lower-is-anomalous` the scores are negated
/// inside (every strategy assumes higher is more anomalous) and shown back in the file's own
/// units, with the rule spelled out.
struct ScoreUnits {
    var lowerIsAnomalous: Bool

    /// A score or threshold in the file's units; +0 stays +0.
    func shown(_ internalValue: Double) -> Double { lowerIsAnomalous ? (internalValue == 0 ? 0 : -internalValue) : internalValue }

    /// A threshold given in the file's units, turned around for the strategies.
    func internalValue(_ shownValue: Double) -> Double { shown(shownValue) }

    /// "score ≥ threshold is anomalous", or "≤" for files where lower is anomalous.
    var rule: String { lowerIsAnomalous ? "score <= threshold is anomalous" : "score >= threshold is anomalous" }

    /// The fitted threshold's one JSON form, with the threshold in the file's units and the rule.
    func json(_ fitted: FittedThreshold) -> JSONValue {
        guard case var .object(fields) = fitted.json else { return fitted.json }
        if let i = fields.firstIndex(where: { $0.key == "threshold" }) { fields[i].value = .number(shown(fitted.value)) }
        fields.insert(("rule", .string(rule)), at: min(fields.count, 2))
        if lowerIsAnomalous { fields.append(("details_describe", "the negated scores")) }
        return .object(fields)
    }

    /// A prediction with its score and threshold in the file's units.
    func shown(_ p: Prediction) -> Prediction {
        var q = p
        q.score = shown(p.score)
        q.threshold = shown(p.threshold)
        return q
    }
}
