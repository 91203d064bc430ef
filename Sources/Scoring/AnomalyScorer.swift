import LinearAlgebra

/// Anything that learns from good samples only and scores new ones, higher meaning more anomalous.
///
/// Samples are the rows of a `Matrix<Float>` (N samples × D features). A model
/// trained elsewhere adapts in three lines through `ClosureScorer`:
/// ```swift
/// let scorer = ClosureScorer { features in myModel.anomalyScore(features) }
/// let calibration = try scorer.score(heldOutGood)
/// ```
public protocol AnomalyScorer: Sendable {
    /// Learns what normal looks like from good samples (rows).
    mutating func fit(normal samples: Matrix<Float>) throws(ScoringError)
    /// One score per row; higher means more anomalous.
    func score(_ samples: Matrix<Float>) throws(ScoringError) -> [Double]
}

/// An `AnomalyScorer` made from a closure that scores one sample's features.
///
/// `fit` does nothing: the closure's model is assumed trained already.
public struct ClosureScorer: AnomalyScorer {
    private let scoreSample: @Sendable ([Float]) -> Double

    /// Wraps a per-sample scoring closure (higher = more anomalous).
    public init(_ score: @escaping @Sendable ([Float]) -> Double) {
        scoreSample = score
    }

    /// Does nothing; the wrapped model needs no fitting here.
    public mutating func fit(normal samples: Matrix<Float>) throws(ScoringError) {}

    /// Calls the closure on every row.
    /// - Complexity: N calls of the closure.
    public func score(_ samples: Matrix<Float>) throws(ScoringError) -> [Double] {
        (0..<samples.rows).map { scoreSample(samples.row($0)) }
    }
}

/// Throws `ScoringError.nonFinite` naming the first NaN or infinity, row-major.
/// - Complexity: O(rows × columns).
func requireFinite(_ samples: Matrix<Float>) throws(ScoringError) {
    guard let index = samples.elements.firstIndex(where: { !$0.isFinite }) else { return }
    throw .nonFinite(row: index / samples.columns, column: index % samples.columns)
}
