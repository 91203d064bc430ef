import Features
import Thresholding

/// Chooses among a scorer's alternative settings (`--size auto`) from good images alone: each
/// candidate is trained as the detector would be, and the one whose scores separate synthetic
/// anomalies from the held-out good images best (synthetic AUROC) wins; ties go to the first.
public enum ConfigurationSelection {
    /// One candidate and how it did.
    public struct Trial: Sendable {
        public var values: ParameterValues
        public var syntheticAUROC: Double
        /// Its feature extraction's skipped files and warnings (the run's one feature-cache warning among them).
        public var warnings: [String] = []
    }

    /// The settings to use: `values` when they are concrete, else the best alternative.
    /// - Throws: ``PipelineError`` from training a candidate.
    /// - Complexity: one training run (features, fit, synthetic anomalies) per alternative.
    public static func choose(_ scorer: ScorerDescriptor, values: ParameterValues, images: [String], preset: String?,
                              weightsPath: String?, calibration: CalibrationMode, seed: UInt64, cache: FeatureCache?,
                              unreadable: UnreadablePolicy,
                              progress: @escaping PipelineProgress = { _, _, _ in }) throws(PipelineError) -> (values: ParameterValues, trials: [Trial]) {
        let candidates = scorer.alternatives(values)
        guard !candidates.isEmpty else { return (values, []) }
        var trials: [Trial] = []
        for (i, candidate) in candidates.enumerated() {
            let label = "choosing a configuration \(i + 1)/\(candidates.count)"
            let extractor = try scorer.extractor(preset: preset, values: candidate, weightsPath: weightsPath)
            let table = try FeatureTable.extract(images, extractor: extractor, cache: cache, unreadable: unreadable,
                                                 progress: { progress("\(label): features", $0, $1) })
            let training = DetectorTraining(scorer: try scorer.make(candidate, seed: seed, dimension: extractor.dimension),
                                            calibration: calibration == .none ? .split : calibration, seed: seed)
            let calibrated = try training.calibrate(TrainingSamples(images: table, extractor: extractor), synthetic: true,
                                                    progress: { progress("\(label): \($0)", $1, $2) })
            let separation: Double
            do throws(ThresholdError) {
                separation = try auroc(normal: calibrated.calibrationScores, anomalous: calibrated.syntheticScores)
            } catch { throw .threshold(error, strategy: "configuration selection") }
            trials.append(Trial(values: candidate, syntheticAUROC: separation, warnings: table.notes))
        }
        return (trials[bestIndex(trials)!].values, trials)
    }

    /// "size auto → 256 (synthetic AUROC 0.991; 384: 0.987)": the choice and the evidence, for reports.
    public static func summary(_ trials: [Trial], key: String) -> String? {
        guard let index = bestIndex(trials), let chosen = trials[index].values.value(key) else { return nil }
        let best = trials[index]
        let others = trials.filter { $0.values.value(key) != chosen }
            .map { "\($0.values.value(key)?.description ?? "?"): \(shortNumber($0.syntheticAUROC))" }
        return "\(key) auto → \(chosen) (synthetic AUROC \(shortNumber(best.syntheticAUROC))" + (others.isEmpty ? "" : "; " + others.joined(separator: ", ")) + ")"
    }

    /// The highest synthetic AUROC; the earliest candidate on ties, so the default size wins a draw.
    static func bestIndex(_ trials: [Trial]) -> Int? {
        trials.indices.max { trials[$0].syntheticAUROC < trials[$1].syntheticAUROC
            || (trials[$0].syntheticAUROC == trials[$1].syntheticAUROC && $0 > $1) }
    }
}
