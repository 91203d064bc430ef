import LinearAlgebra

/// Progress of long work inside a scorer: (stage, done, total), possibly from worker threads.
public typealias ScorerProgress = @Sendable (_ stage: String, _ done: Int, _ total: Int) -> Void

/// Anything that learns from good samples only and scores new ones, higher meaning more anomalous:
/// the one scorer protocol a ``FeatureBatch`` flows into.
///
/// Most scorers read one feature vector per sample: conform to ``VectorScorer`` and write
/// two methods on `Matrix<Float>`. A patch scorer reads a grid of patch vectors per sample
/// and conforms here directly. To store a scorer in a detector file, also conform to
/// ``ArchivableScorer``; one that draws anomaly maps conforms to ``AnomalyMapScorer``.
public protocol AnomalyScorer: Sendable {
    /// A short name for reports, e.g. `kde`.
    var name: String { get }
    /// Learns what normal looks like from good samples.
    /// - Parameter progress: called during long fits (epochs, coreset), or nil.
    mutating func fit(normal samples: FeatureBatch, progress: ScorerProgress?) throws(ScoringError)
    /// One score per sample; higher means more anomalous.
    func score(_ samples: FeatureBatch) throws(ScoringError) -> [Double]
    /// Caveats the last fit raised (e.g. Deep SVDD's collapse check); empty by default.
    var warnings: [String] { get }
}

extension AnomalyScorer {
    public var name: String { String(describing: Self.self) }
    public var warnings: [String] { [] }

    /// Fits without progress reports.
    public mutating func fit(normal samples: FeatureBatch) throws(ScoringError) { try fit(normal: samples, progress: nil) }
}

/// A scorer of one feature vector per sample (rows of an N×D matrix), the simplest way in.
///
/// ```swift
/// struct Distance: VectorScorer {
///     var mean: [Float] = []
///     mutating func fit(normal x: Matrix<Float>) throws(ScoringError) { mean = (0..<x.columns).map { … } }
///     func score(_ x: Matrix<Float>) throws(ScoringError) -> [Double] { … }
/// }
/// ```
public protocol VectorScorer: AnomalyScorer {
    /// Learns from the rows of `samples` (good samples only).
    mutating func fit(normal samples: Matrix<Float>) throws(ScoringError)
    /// One score per row.
    func score(_ samples: Matrix<Float>) throws(ScoringError) -> [Double]
}

extension VectorScorer {
    public mutating func fit(normal samples: FeatureBatch, progress: ScorerProgress?) throws(ScoringError) {
        try fit(normal: samples.vectorRows())
    }

    public func score(_ samples: FeatureBatch) throws(ScoringError) -> [Double] {
        try score(samples.vectorRows())
    }
}

/// A scorer that also says where in each sample the anomaly is.
public protocol AnomalyMapScorer: AnomalyScorer {
    /// Each sample's score and its anomaly map, drawn at the sample grid's input size.
    func scoredMaps(_ samples: FeatureBatch) throws(ScoringError) -> [(score: Double, map: AnomalyMap)]
}

/// A scorer whose score is a negative log-density, so a log-likelihood can be reported beside it.
public protocol DensityScorer: AnomalyScorer {}

extension FeatureBatch {
    /// The N×D matrix of a batch of single vectors, as a vector scorer reads it.
    /// - Throws: ``ScoringError/notVectors(sample:height:width:)`` for a batch of patch grids.
    public func vectorRows() throws(ScoringError) -> Matrix<Float> {
        do throws(LinearAlgebraError) { return try vectors() } catch {
            if case let .notVectors(sample, height, width) = error {
                throw .notVectors(sample: sample, height: height, width: width)
            }
            throw .invalidConfiguration(error.description)
        }
    }
}

/// An `AnomalyScorer` made from a closure that scores one sample's features.
///
/// `fit` does nothing: the closure's model is assumed trained already.
/// ```swift
/// let scorer = ClosureScorer { features in myModel.anomalyScore(features) }
/// ```
public struct ClosureScorer: VectorScorer {
    private let scoreSample: @Sendable ([Float]) -> Double

    /// Wraps a per-sample scoring closure (higher = more anomalous).
    public init(_ score: @escaping @Sendable ([Float]) -> Double) {
        scoreSample = score
    }

    public var name: String { "closure" }

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
