/// What to do with NaN and ±infinity scores.
public enum NonFinitePolicy: Sendable, Hashable {
    /// Fail with ``ScoreFileError/nonFinite(source:location:text:)`` at the first one.
    case reject
    /// Skip them together with their labels and count them in ``ScoreSet/droppedNonFinite``.
    case drop
}

/// How to read a score file.
public struct ScoreFileOptions: Sendable, Hashable {
    /// The CSV/TSV column holding the scores. For JSON objects a name other than
    /// `"score"` is used as the key instead of `"scores"`.
    public var column: String
    /// The CSV/TSV column holding labels. The default `"label"` is optional; any other
    /// name must exist. For JSON objects a name other than `"label"` replaces `"labels"`.
    public var labelColumn: String
    /// Whether NaN and ±infinity fail the read or are dropped.
    public var nonFinite: NonFinitePolicy
    /// Negates every score after validation, for scores such as log-likelihoods
    /// where lower values are more anomalous.
    public var lowerIsAnomalous: Bool

    /// Options with the defaults: column `score`, optional `label`, reject non-finite, higher is anomalous.
    public init(
        column: String = "score", labelColumn: String = "label",
        nonFinite: NonFinitePolicy = .reject, lowerIsAnomalous: Bool = false
    ) {
        self.column = column
        self.labelColumn = labelColumn
        self.nonFinite = nonFinite
        self.lowerIsAnomalous = lowerIsAnomalous
    }

    /// The key of the score array in a JSON object.
    var jsonScoresKey: String { column == "score" ? "scores" : column }
    /// The key of the label array in a JSON object.
    var jsonLabelsKey: String { labelColumn == "label" ? "labels" : labelColumn }
    /// Whether the label column must exist because the caller named it.
    var requiresLabelColumn: Bool { labelColumn != "label" }
}
