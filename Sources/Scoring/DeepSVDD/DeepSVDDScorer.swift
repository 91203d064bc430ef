import LinearAlgebra

/// Deep SVDD behind the scorer protocols: each matrix row is one sample, flattened row-major.
///
/// For the MLP a row is a feature vector; for the convolutional encoder a row is an s×s grey
/// image (s² values in [0, 1]). Use `DeepSVDD.train(on:architecture:configuration:progress:)`
/// directly for the loss history, or for tensors already shaped N×1×s×s.
public struct DeepSVDDScorer: VectorScorer {
    /// The network φ.
    public var architecture: DeepSVDDArchitecture
    /// Objective and hyper-parameters.
    public var configuration: DeepSVDDConfiguration
    /// The trained model, once `fit` has run.
    public internal(set) var model: DeepSVDD?
    /// Warnings from the last `fit` (such as hypersphere collapse).
    public private(set) var warnings: [String] = []

    /// `svdd`, or `svdd-conv` for the convolutional encoder, as the command line names them.
    public var name: String {
        if case .convolutional = architecture { return "svdd-conv" }
        return "svdd"
    }

    /// An unfitted scorer.
    public init(architecture: DeepSVDDArchitecture = .efficientNetFeatures,
                configuration: DeepSVDDConfiguration = DeepSVDDConfiguration()) {
        self.architecture = architecture
        self.configuration = configuration
    }

    /// Trains Deep SVDD on the rows of `samples`, reporting every epoch as a stage
    /// `train svdd (pretraining)` or `train svdd (training)`.
    public mutating func fit(normal samples: FeatureBatch, progress: ScorerProgress?) throws(ScoringError) {
        try train(samples.vectorRows(), progress: progress)
    }

    /// Trains Deep SVDD on the rows of `samples` (good samples only).
    /// - Throws: `ScoringError` for a wrong width, non-finite values, too few rows, an invalid
    ///   configuration, or a training failure (an all-zero centre or a diverging loss).
    /// - Complexity: see `DeepSVDD.train(on:architecture:configuration:progress:)`.
    public mutating func fit(normal samples: Matrix<Float>) throws(ScoringError) {
        try train(samples, progress: nil)
    }

    private mutating func train(_ samples: Matrix<Float>, progress: ScorerProgress?) throws(ScoringError) {
        let x = try tensor(samples)
        do {
            let result = try DeepSVDD.train(on: x, architecture: architecture, configuration: configuration) { p in
                progress?("train svdd (\(p.phase))", p.epoch, p.epochCount)
            }
            model = result.model
            warnings = result.warnings
        } catch {
            throw ScoringError(error)
        }
    }

    /// ‖φ(x) − c‖² (minus R² for soft-boundary) for each row; higher means more anomalous.
    /// - Throws: `ScoringError.notFitted`, `.dimensionMismatch` or `.nonFinite`.
    /// - Complexity: one inference pass over the rows.
    public func score(_ samples: Matrix<Float>) throws(ScoringError) -> [Double] {
        guard let model else { throw .notFitted }
        let x = try tensor(samples)
        do {
            return try model.scores(x)
        } catch {
            throw ScoringError(error)
        }
    }

    /// The rows reshaped to N × `architecture.sampleShape`, after checking width and finiteness.
    private func tensor(_ samples: Matrix<Float>) throws(ScoringError) -> Tensor {
        let width = architecture.sampleShape.reduce(1, *)
        guard samples.columns == width else { throw .dimensionMismatch(expected: width, got: samples.columns) }
        try requireFinite(samples)
        return Tensor(shape: [samples.rows] + architecture.sampleShape, values: samples.elements)
    }
}

extension ScoringError {
    /// The scorer-level error for a Deep SVDD error.
    ///
    /// An all-zero centre and a diverging loss have no case of their own and become
    /// `invalidConfiguration` with the full explanation.
    init(_ error: DeepSVDDError) {
        switch error {
        case .emptyTrainingSet: self = .tooFewSamples(needed: 2, got: 0)
        case let .tooFewSamples(minimum, actual): self = .tooFewSamples(needed: minimum, got: actual)
        case let .shapeMismatch(expected, actual):
            self = .dimensionMismatch(expected: expected.dropFirst().reduce(1, *), got: actual.dropFirst().reduce(1, *))
        case let .nonFiniteValue(sample): self = .nonFinite(row: sample, column: 0)
        case let .invalidConfiguration(message): self = .invalidConfiguration(message)
        case .degenerateCenter, .diverged: self = .invalidConfiguration(error.description)
        }
    }
}
