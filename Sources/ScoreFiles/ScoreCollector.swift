/// Accumulates scores and labels while applying the non-finite policy in one place,
/// so every format drops or rejects NaN and ±infinity the same way.
struct ScoreCollector {
    let source: String
    let policy: NonFinitePolicy
    private(set) var scores: [Double] = []
    private(set) var labels: [Bool] = []
    private(set) var positions: [Int] = []
    private(set) var dropped = 0

    init(source: String, policy: NonFinitePolicy, capacity: Int = 0) {
        self.source = source
        self.policy = policy
        scores.reserveCapacity(capacity)
    }

    /// Adds a score and, if the file has labels, its label; a dropped score takes its label with it.
    ///
    /// - Parameter text: how the score was written, quoted if it is rejected.
    mutating func add(
        _ score: Double, label: Bool?, text: @autoclosure () -> String, at location: ScoreLocation
    ) throws(ScoreFileError) {
        guard score.isFinite else {
            switch policy {
            case .reject: throw .nonFinite(source: source, location: location, text: text())
            case .drop: dropped += 1; return
            }
        }
        positions.append(scores.count + dropped)
        scores.append(score)
        if let label { labels.append(label) }
    }

    /// The finished set; `hasLabels` says whether the file had a label column or array.
    func scoreSet(hasLabels: Bool) -> ScoreSet {
        ScoreSet(source: source, scores: scores, labels: hasLabels ? labels : nil, droppedNonFinite: dropped,
                 positions: dropped > 0 ? positions : nil)
    }
}
