import ArrayFormats
import Features
import Foundation
import Imaging
import Scoring
import Synthesis
import Thresholding

/// The whole unsupervised pipeline on an MVTec-layout folder: fit, calibrate, synthesize,
/// score, compare every strategy, recommend one, and build the detector with it.
///
/// It trains through ``DetectorTraining``, as `fit` does, so `fit` with the same scorer,
/// seed and calibration gives the same split, synthetic anomalies and scores.
public struct DatasetComparison: Sendable {
    public var datasetPath: String
    /// The scorer, by its catalog entry, and its parameter values.
    public var scorer: ScorerDescriptor = KDEClassifier.descriptor
    public var scorerValues: ParameterValues = KDEClassifier.descriptor.emptyValues
    /// The feature preset; nil for the scorer's default.
    public var features: String?
    public var weightsPath: String?
    public var calibration: CalibrationMode = .split
    /// The target false-alarm rate of every good-score strategy.
    public var alpha: Double = 0.05
    /// Seeds the split (a NumPy-compatible permutation, reproducible in Python), the scorer and synthesis.
    public var seed: UInt64 = 42
    /// The Perlin generator for synthetic anomalies (always applied).
    public var generator = PerlinAnomalyGenerator(blendRange: 0.5...1.0, probability: 1)
    public var unreadable: UnreadablePolicy = .fail
    /// nil disables the feature cache.
    public var cache: FeatureCache? = FeatureCache(directory: FeatureCache.defaultDirectory())
    /// The strategies compared: every one that reads good scores or synthetic anomalies, and the
    /// transductive ones, which see the test scores without their labels.
    public var strategies: StrategyRegistry = .standard
    /// The pixel threshold a detector of a map scorer keeps (by default the per-image conformal rule at α).
    public var pixelStrategy: PixelStrategy = .imageConformal
    /// Strategy parameters given by the caller (δ, level, k, …), applied to every strategy that
    /// declares them; α comes from ``alpha``.
    public var strategyParameters: [String: ParameterValue] = [:]
    /// What the recommended threshold maximises (`--max-fpr F` on the command line).
    public var objective: RecommendationObjective = .balancedAccuracy

    public init(datasetPath: String) { self.datasetPath = datasetPath }

    /// Everything a run produces.
    public struct Outcome: Sendable {
        public var result: DatasetComparisonResult
        /// The fitted scorer with the recommended threshold, ready for `Detector.write(to:)`.
        public var detector: Detector
        /// A few synthetic anomalies with their masks, for the report's `synthetic/` folder.
        public var syntheticSamples: [(name: String, anomaly: SyntheticAnomaly)]
        /// For a scorer that draws maps: each test image's map (network-input size) and ground-truth mask on it.
        public var testMaps: [AnomalyMap] = []
        public var testMasks: [[UInt8]?] = []
    }

    /// The strategies the comparison fits, at `alpha`.
    public func comparedStrategies() -> [any Threshold] {
        strategies.reading([.normalScores, .syntheticAnomalies, .unlabelledBatch]).filter { $0.family != .recommendation }.compactMap { d in
            var values = d.emptyValues
            for p in d.parameters {
                if p.key == "alpha" { values.set("alpha", .number(alpha)) } else if let v = strategyParameters[p.key] { values.set(p.key, v) }
            }
            return try? d.make(values)
        }
    }

    /// Runs the comparison.
    /// - Throws: ``PipelineError`` naming the dataset, file or step that failed.
    public func run(progress: @escaping PipelineProgress = { _, _, _ in }) throws(PipelineError) -> Outcome {
        let dataset = try MVTecDataset.load(root: datasetPath)
        guard !dataset.testGood.isEmpty, !dataset.testAnomalous.isEmpty else {
            throw .invalidInput(name: "dataset", value: datasetPath, expected: "test/good and at least one test/<defect> folder with images")
        }
        let (scorerValues, trials) = try ConfigurationSelection.choose(
            scorer, values: self.scorerValues, images: dataset.trainGood, preset: features, weightsPath: weightsPath,
            calibration: calibration, seed: seed, cache: cache, unreadable: unreadable, progress: progress)
        let configuration = ConfigurationSelection.summary(trials, key: "size")
        let extractor = try scorer.extractor(preset: features, values: scorerValues, weightsPath: weightsPath)
        let training = DetectorTraining(scorer: try scorer.make(scorerValues, seed: seed, dimension: extractor.dimension),
                                        calibration: calibration, seed: seed)
        let strategies = comparedStrategies()
        let minimumCalibration = strategies.filter { $0.reads == .normalScores }.map(\.minimumNormalCount).min() ?? 1
        if training.plan.calibrationCount(rowCount: dataset.trainGood.count) < minimumCalibration {
            throw .tooFewSamples(step: "\(datasetPath): train/good for \(calibration.rawValue) calibration at α = \(alpha)",
                                 needed: (0...).first { training.plan.calibrationCount(rowCount: $0) >= minimumCalibration } ?? 0,
                                 got: dataset.trainGood.count)
        }
        let train = try FeatureTable.extract(dataset.trainGood, extractor: extractor, cache: cache, unreadable: unreadable,
                                             progress: { progress("features train/good", $0, $1) })
        let test = try FeatureTable.extract(dataset.test.map(\.path), extractor: extractor, cache: cache, unreadable: unreadable,
                                            progress: { progress("features test", $0, $1) })
        var warnings = (train.skipped + test.skipped).map { "skipped \($0.path): \($0.reason)" } + train.warnings + test.warnings

        var trainer = training
        trainer.generator = generator
        let calibrated = try trainer.calibrate(TrainingSamples(images: train, extractor: extractor), synthetic: true, progress: progress)
        warnings += calibrated.warnings
        var testScores: [Double]
        var testMaps: [AnomalyMap] = [], testMasks: [[UInt8]?] = [], pixel: PixelComparison?
        if let mapScorer = calibrated.scorer as? any AnomalyMapScorer, let spatial = extractor as? any SpatialFeatureExtractor,
           let pixels = calibrated.pixels {
            let scored = try DetectorTraining.scoresAndMaps(mapScorer, test.batch, step: "scoring the test images")
            testScores = scored.map(\.score)
            testMaps = scored.map(\.map)
            let imageOf = Dictionary(dataset.test.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
            var missing: [String] = []
            for (i, path) in test.paths.enumerated() {
                let grid = test.batch.grids[i], map = testMaps[i]
                guard let image = imageOf[path], let w = grid.sourceWidth, let h = grid.sourceHeight else { testMasks.append(nil); continue }
                let mask = try GroundTruthMasks.onMap(image, imageWidth: w, imageHeight: h, mapWidth: map.width, mapHeight: map.height,
                                                      extractor: spatial, warnings: &warnings)
                if mask == nil { missing.append(path) }
                testMasks.append(mask)
            }
            if !missing.isEmpty && missing.count == dataset.testAnomalous.count {
                pixel = .skipped("no ground_truth masks under \(datasetPath)/ground_truth: pixel metrics need them")
            } else if let first = missing.first {
                pixel = .skipped("\(missing.count) defect image(s) have no ground-truth mask (the first: \(first)); pixel metrics need one for each")
            } else {
                pixel = try PixelComparison.evaluate(maps: testMaps, masks: testMasks.map { $0! }, pixels: pixels, alpha: alpha)
            }
            if let reason = pixel?.skipped { warnings.append("pixel metrics skipped: \(reason)") }
        } else {
            testScores = try DetectorTraining.score(calibrated.scorer, test.batch, step: "scoring the test images")
        }

        let categoryOf = Dictionary(dataset.test.map { ($0.path, $0.category) }, uniquingKeysWith: { a, _ in a })
        let pValues = calibrated.calibrationScores.isEmpty ? nil : try? ConformalPValues(calibration: calibrated.calibrationScores)
        let scored = zip(test.paths, testScores).map { path, score in
            let category = categoryOf[path] ?? "?"
            return DatasetComparisonResult.ScoredImage(path: path, category: category, isAnomalous: category != "good",
                                                       score: score, pValue: pValues?.pValue(score))
        }
        var comparison: StrategyComparison
        do throws(ThresholdError) {
            comparison = try StrategyComparison(
                strategies: strategies, calibration: calibrated.calibrationScores, synthetic: calibrated.syntheticScores,
                testNormal: scored.filter { !$0.isAnomalous }.map(\.score), testAnomalous: scored.filter(\.isAnomalous).map(\.score))
        } catch { throw .threshold(error, strategy: "comparison") }
        let goodPValues = scored.filter { !$0.isAnomalous }.compactMap(\.pValue)
        let shift = goodPValues.isEmpty ? nil : try? KolmogorovSmirnov(uniform: goodPValues)
        for i in comparison.entries.indices { comparison.entries[i].fitted = comparison.entries[i].fitted.map { calibration.adjusting($0) } }
        let recommended = Recommendation.choose(comparison, calibration: calibrated.calibrationScores,
                                                synthetic: calibrated.syntheticScores, objective: objective)
        var result = DatasetComparisonResult(
            dataset: datasetPath, scorer: scorer.name + (configuration.map { " (\($0))" } ?? ""), features: extractor.identifier, calibration: calibration, alpha: alpha,
            comparison: comparison, recommended: recommended, test: scored,
            calibrationScores: calibrated.calibrationScores, syntheticScores: calibrated.syntheticScores, shift: shift, warnings: warnings,
            seed: seed, date: Date())
        result.pixel = pixel
        let chosen = comparison.entries.first { $0.name == recommended.strategy }?.fitted
            ?? FittedThreshold(strategy: "manual", value: .infinity)
        var detector = calibrated.detector(threshold: chosen, provenance: [
            "made_by": "thresholdkit compare --dataset", "dataset": .string(datasetPath), "scorer": .string(scorer.name),
            "seed": .string(String(seed)), "alpha": .number(alpha), "recommended_because": .string(recommended.reason),
        ])
        if let pixels = calibrated.pixels { detector.pixelThreshold = try pixels.fit(pixelStrategy, alpha: alpha) }
        return Outcome(result: result, detector: detector, syntheticSamples: calibrated.syntheticSamples,
                       testMaps: testMaps, testMasks: testMasks)
    }
}
