import ArrayFormats
import Thresholding

/// How `label` and `predict` print predictions: one JSON object or table row each.
enum PredictionOutput {
    /// `{…leading, "score", "label", "threshold", "p_value", "normalized", "log_likelihood"?, "bh_selected"?}`.
    static func json(_ p: Prediction, leading: [(key: String, value: JSONValue)]) -> JSONValue {
        var fields = leading + [
            ("score", .number(p.score)), ("label", .number(p.isAnomalous ? 1 : 0)), ("threshold", .number(p.threshold)),
            ("p_value", JSONValue(number: p.pValue)), ("normalized", .number(p.normalized)),
        ]
        if let l = p.logLikelihood { fields.append(("log_likelihood", .number(l))) }
        if let s = p.selectedAtFDR { fields.append(("bh_selected", .bool(s))) }
        return .object(fields)
    }

    /// An aligned table: first column, score, label, p-value, normalised score, and BH when asked for.
    static func table(_ rows: [(String, Prediction)], firstColumn: String, bh: Bool) -> String {
        var t = TextTable(header: [firstColumn, "score", "label", "p-value", "normalized"] + (bh ? ["BH"] : []),
                          rightAligned: firstColumn == "index" ? [0, 1, 3, 4] : [1, 3, 4])
        for (name, p) in rows {
            t.rows.append([name, NumberText.exact(p.score), p.isAnomalous ? "anomalous" : "good",
                           p.pValue.map(NumberText.exact) ?? "—", NumberText.rate(p.normalized)]
                          + (bh ? [p.selectedAtFDR == true ? "selected" : ""] : []))
        }
        return t.render()
    }
}
