import Randomness

/// A fitted scorer and the calibration scores that go with it.
public struct Calibrated<Scorer> {
    public var scorer: Scorer
    /// Scores of good samples the producing scorer did not train on (empty for `.none`).
    public var calibrationScores: [Double]
    /// The rows behind `calibrationScores`, in the same order.
    public var calibrationRows: [Int]
    /// The rows the final scorer was fitted on.
    public var trainingRows: [Int]
    public var mode: CalibrationMode
}

extension Calibrated: Sendable where Scorer: Sendable {}

/// Runs a calibration mode over the rows of a good-sample set, for any scorer.
///
/// The scorer is reached only through two closures, fit on a set of rows and
/// score a set of rows, so KDE, Deep SVDD and a user's own model all plug in.
public struct Calibration: Sendable {
    public var mode: CalibrationMode
    /// The held-out fraction for `.split`.
    public var holdoutFraction: Double
    /// The number of folds for `.crossfit`.
    public var folds: Int
    /// How rows are shuffled before splitting.
    public var shuffle: RowShuffle

    /// The row order used to assign rows to calibration or folds.
    public enum RowShuffle: Sendable, Hashable {
        /// ThresholdKit's own seeded generator.
        case seeded(UInt64)
        /// `numpy.random.RandomState(seed).permutation(n)`, to reproduce a split made in Python.
        case numpy(UInt32)
    }

    public init(mode: CalibrationMode = .split, holdoutFraction: Double = 0.2, folds: Int = 5, shuffle: RowShuffle = .seeded(0)) {
        self.mode = mode
        self.holdoutFraction = holdoutFraction
        self.folds = folds
        self.shuffle = shuffle
    }

    func order(_ n: Int) -> [Int] {
        switch shuffle {
        case .seeded(let seed):
            var g = SeededGenerator(seed: seed)
            return Array(0..<n).shuffled(seeded: &g)
        case .numpy(let seed):
            return MersenneTwister.numpyPermutation(n, seed: seed)
        }
    }

    /// Fits and calibrates.
    ///
    /// - `.split`: the first ⌊n·fraction⌋ rows of the shuffled order calibrate, the rest train
    ///   (as `permutation(n)[:n//5]` does in the reference runs).
    /// - `.crossfit`: fold k holds the shuffled rows k, k+K, k+2K, …; each fold is scored by a
    ///   scorer fitted on the others, then the final scorer is fitted on all rows.
    /// - `.none`: one fit on all rows.
    ///
    /// - Complexity: one fit for `.split`/`.none`, K + 1 fits for `.crossfit`.
    public func run<S>(
        rowCount n: Int,
        fit: ([Int]) throws(PipelineError) -> S,
        score: (S, [Int]) throws(PipelineError) -> [Double]
    ) throws(PipelineError) -> Calibrated<S> {
        let all = Array(0..<n)
        switch mode {
        case .none:
            return Calibrated(scorer: try fit(all), calibrationScores: [], calibrationRows: [], trainingRows: all, mode: mode)
        case .split:
            let (calibrationRows, trainingRows) = try splitRows(n)
            let s = try fit(trainingRows)
            let scores = try score(s, calibrationRows)
            return Calibrated(scorer: s, calibrationScores: scores, calibrationRows: calibrationRows, trainingRows: trainingRows, mode: mode)
        case .crossfit:
            guard folds >= 2 else {
                throw .invalidSetting(name: "folds", value: "\(folds)", expected: "at least 2")
            }
            guard n >= 2 * folds else { throw .tooFewSamples(step: "\(folds)-fold cross-fitting", needed: 2 * folds, got: n) }
            let shuffled = order(n)
            var rows: [Int] = [], scores: [Double] = []
            for k in 0..<folds {
                let held = stride(from: k, to: n, by: folds).map { shuffled[$0] }
                let heldSet = Set(held)
                let rest = shuffled.filter { !heldSet.contains($0) }
                let s = try fit(rest)
                scores += try score(s, held)
                rows += held
            }
            return Calibrated(scorer: try fit(all), calibrationScores: scores, calibrationRows: rows, trainingRows: all, mode: mode)
        }
    }

    /// The smallest number of good samples this plan can run on.
    public var minimumRowCount: Int {
        switch mode {
        case .none: return 1
        case .split: return holdoutFraction > 0 ? Int((1 / holdoutFraction).rounded(.up)) : 2
        case .crossfit: return 2 * folds
        }
    }

    /// The number of calibration scores the plan gives for `n` good samples.
    public func calibrationCount(rowCount n: Int) -> Int {
        switch mode {
        case .none: return 0
        case .split: return Int((Double(n) * holdoutFraction).rounded(.down))
        case .crossfit: return n
        }
    }

    /// The first ⌊n·fraction⌋ rows of the shuffled order calibrate, the rest train.
    func splitRows(_ n: Int) throws(PipelineError) -> (calibration: [Int], training: [Int]) {
        guard holdoutFraction > 0, holdoutFraction < 1 else {
            throw .invalidSetting(name: "holdout fraction", value: "\(holdoutFraction)", expected: "a number in (0, 1)")
        }
        let held = calibrationCount(rowCount: n)
        guard held >= 1, n - held >= 1 else {
            throw .tooFewSamples(step: "split calibration", needed: minimumRowCount, got: n)
        }
        let shuffled = order(n)
        return (Array(shuffled[..<held]), Array(shuffled[held...]))
    }
}
