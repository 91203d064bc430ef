import ArrayFormats
import Features
import Foundation
import Imaging
import LinearAlgebra
import Randomness
import Scoring
import Synthesis
import Thresholding

/// The whole unsupervised pipeline on an MVTec-layout folder: fit, calibrate, synthesize, score, compare.
public struct DatasetComparison: Sendable {
    public var datasetPath: String
    public var features: FeatureExtractorKind = .efficientNetLite0
    public var weightsPath: String?
    public var scorer: ScorerKind = .kde
    public var calibration: CalibrationMode = .split
    public var alpha: Double = 0.05
    /// Seeds the split (a NumPy-compatible permutation, reproducible in Python), subsampling and synthesis.
    public var seed: UInt64 = 42
    /// The Perlin generator for synthetic anomalies (always applied).
    public var generator = PerlinAnomalyGenerator(blendRange: 0.5...1.0, probability: 1)
    public var unreadable: UnreadablePolicy = .fail
    /// nil disables the feature cache.
    public var cache: FeatureCache? = FeatureCache(directory: FeatureCache.defaultDirectory())

    public init(datasetPath: String) { self.datasetPath = datasetPath }

    /// Progress through the named stages: (stage, done, total).
    public typealias Progress = @Sendable (String, Int, Int) -> Void

    /// Everything a run produces.
    public struct Outcome: Sendable {
        public var result: DatasetComparisonResult
        /// The scorer fitted for production (training rows for split, all rows otherwise).
        public var scorer: DetectorScorer
        public var extractor: any FeatureExtractor
        /// The fitted scorer with the recommended threshold, ready for `Detector.write(to:)`.
        public var detector: Detector
        /// A few synthetic anomalies with their masks, for the report's `synthetic/` folder.
        public var syntheticSamples: [(name: String, anomaly: SyntheticAnomaly)]
    }

    /// Runs the comparison.
    ///
    /// - Throws: ``PipelineError`` naming the dataset, file or stage that failed.
    public func run(progress: @escaping Progress = { _, _, _ in }) throws(PipelineError) -> Outcome {
        let dataset = try MVTecDataset.load(root: datasetPath)
        guard !dataset.testGood.isEmpty, !dataset.testAnomalous.isEmpty else {
            throw .invalidSetting(name: "dataset", value: datasetPath, expected: "test/good and at least one test/<defect> folder with images")
        }
        let extractor: any FeatureExtractor
        do throws(FeaturesError) { extractor = try features.makeExtractor(weightsPath: weightsPath) } catch { throw .stage(error.description) }
        var warnings: [String] = []

        let train = try FeatureTable.extract(
            dataset.trainGood, extractor: extractor, cache: cache, unreadable: unreadable,
            progress: { progress("features train/good", $0, $1) })
        let test = try FeatureTable.extract(
            dataset.test.map(\.path), extractor: extractor, cache: cache, unreadable: unreadable,
            progress: { progress("features test", $0, $1) })
        warnings += (train.skipped + test.skipped).map { "skipped \($0.path): \($0.reason)" } + train.warnings + test.warnings

        // Calibration: the split follows numpy.random.RandomState(seed).permutation, so it can be reproduced in Python.
        let plan = Calibration(mode: calibration, shuffle: .numpy(UInt32(truncatingIfNeeded: seed)))
        var settings = ScorerSettings(kind: scorer)
        settings.seed = seed
        let calibrated = try settings.calibrated(on: train.vectors, plan: plan, progress: progress)

        // Synthetic anomalies from the calibration images: defects a split scorer has not seen.
        let (sourceRows, sourceWarning) = calibrated.syntheticSourceRows()
        warnings += sourceWarning.map { [$0] } ?? []
        let (synthetic, syntheticSamples) = try SyntheticFeatures.extract(
            sourceRows.map { train.paths[$0] }, extractor: extractor, generator: generator, seed: seed,
            progress: { progress("synthetic anomalies", $0, $1) })
        let testScores: [Double], syntheticScores: [Double]
        do throws(ScoringError) {
            testScores = try calibrated.scorer.score(Matrix(rows: Array(test.vectors.indices), of: test.vectors))
            syntheticScores = synthetic.vectors.isEmpty ? [] : try calibrated.scorer.score(Matrix(rows: Array(synthetic.vectors.indices), of: synthetic.vectors))
        } catch { throw .stage(error.description) }

        let categoryOf = Dictionary(dataset.test.map { ($0.path, $0.category) }, uniquingKeysWith: { a, _ in a })
        let anomalous = test.paths.map { categoryOf[$0] != "good" }
        let calibrationScores = calibrated.calibrationScores
        let pValues = calibrationScores.isEmpty ? nil : try? ConformalPValues(calibration: calibrationScores)
        let scored = zip(test.paths, zip(testScores, anomalous)).map { path, pair in
            DatasetComparisonResult.ScoredImage(path: path, category: categoryOf[path] ?? "?", isAnomalous: pair.1,
                                                score: pair.0, pValue: pValues?.pValue(pair.0))
        }
        var strategies = StrategyComparison.normalScoreStrategies(alpha: alpha)
        strategies += [
            SyntheticAnomalyThreshold(rule: .bestBalancedAccuracy, syntheticScores: syntheticScores),
            SyntheticAnomalyThreshold(rule: .bestF1(prior: 0.5), syntheticScores: syntheticScores),
            SyntheticAnomalyThreshold(rule: .bestBalancedAccuracyWithinFPR(alpha), syntheticScores: syntheticScores),
        ]
        let comparison: StrategyComparison
        do throws(ThresholdError) {
            comparison = try StrategyComparison(
                strategies: strategies, calibration: calibrationScores,
                testNormal: scored.filter { !$0.isAnomalous }.map { $0.score }, testAnomalous: scored.filter { $0.isAnomalous }.map { $0.score })
        } catch { throw .stage(error.description) }
        let goodPValues = scored.filter { !$0.isAnomalous }.compactMap { $0.pValue }
        let shift = goodPValues.isEmpty ? nil : try? KolmogorovSmirnov(uniform: goodPValues)
        let result = DatasetComparisonResult(
            dataset: datasetPath, scorer: scorer.rawValue, features: extractor.identifier, calibration: calibration, alpha: alpha,
            comparison: comparison, recommended: Recommendation.choose(comparison), test: scored,
            calibrationScores: calibrationScores, syntheticScores: syntheticScores, shift: shift, warnings: warnings)
        let chosen = comparison.entries.first { $0.name == result.recommended.strategy }?.fitted
            ?? FittedThreshold(strategy: "manual", value: .infinity)
        let detector = Detector(
            features: FeatureSource(extractor, kind: features), scorer: calibrated.scorer, threshold: chosen,
            calibration: calibration, calibrationScores: calibrationScores,
            normalization: ScoreNormalization(threshold: chosen.value, fittedOn: calibrationScores + syntheticScores),
            provenance: ["made_by": "thresholdkit compare --dataset", "dataset": .string(datasetPath),
                         "seed": .string(String(seed)), "alpha": .number(alpha),
                         "recommended_because": .string(result.recommended.reason)])
        return Outcome(result: result, scorer: calibrated.scorer, extractor: extractor, detector: detector,
                       syntheticSamples: syntheticSamples)
    }
}

/// Synthetic samples collected from worker threads.
final class SampleBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [(String, SyntheticAnomaly)] = []
    func append(_ item: (String, SyntheticAnomaly)) { lock.lock(); stored.append(item); lock.unlock() }
    var items: [(name: String, anomaly: SyntheticAnomaly)] {
        lock.lock(); defer { lock.unlock() }
        return stored.sorted { Int($0.0) ?? 0 < Int($1.0) ?? 0 }.map { (name: $0.0, anomaly: $0.1) }
    }
}
