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
    /// The 0-based position in the file of each kept score, when some were dropped (nil: score i is entry i).
    public var positions: [Int]?

    /// A score set; `labels`, if given, should hold one label per score.
    public init(source: String, scores: [Double], labels: [Bool]? = nil, droppedNonFinite: Int = 0, positions: [Int]? = nil) {
        self.source = source
        self.scores = scores
        self.labels = labels
        self.droppedNonFinite = droppedNonFinite
        self.positions = positions
    }

    /// The position in the file of score `i`: `i`, unless scores before it were dropped.
    public func position(of i: Int) -> Int { positions?[i] ?? i }

    /// The number of scores.
    public var count: Int { scores.count }
}
