/// Anomaly scores read from one file, with optional ground-truth labels.
public struct ScoreSet: Sendable, Hashable {
    /// The file the scores came from, for messages and reports.
    public var source: String
    /// The scores in file order; higher means more anomalous.
    public var scores: [Double]
    /// One label per score when the file has them; `true` means anomalous.
    public var labels: [Bool]?
    /// How many NaN or infinite scores were skipped under ``NonFinitePolicy/drop``.
    public var droppedNonFinite: Int

    /// A score set; `labels`, if given, should hold one label per score.
    public init(source: String, scores: [Double], labels: [Bool]? = nil, droppedNonFinite: Int = 0) {
        self.source = source
        self.scores = scores
        self.labels = labels
        self.droppedNonFinite = droppedNonFinite
    }

    /// The number of scores.
    public var count: Int { scores.count }
}
