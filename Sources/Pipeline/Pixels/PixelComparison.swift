import ArrayFormats
import Scoring
import Thresholding

/// Pixel-level results of a comparison: pixel AUROC and AUPRO of the test maps against the
/// ground-truth masks, and every pixel strategy's threshold and what it finds.
public struct PixelComparison: Sendable {
    /// One pixel strategy on the test masks.
    public struct Entry: Sendable {
        public var key: String
        public var guarantee: String
        public var isOracle: Bool
        public var threshold: FittedThreshold?
        public var error: String?
        public var recall: PixelRecall?
    }

    public var auroc: Double?
    public var aupro: Double?
    public var entries: [Entry]
    /// Why pixel metrics were not computed (no masks), when they were not.
    public var skipped: String?

    static func skipped(_ reason: String) -> PixelComparison { PixelComparison(auroc: nil, aupro: nil, entries: [], skipped: reason) }

    /// Evaluates `maps` against `masks` (same sizes) and fits every pixel strategy on `pixels`.
    static func evaluate(maps: [AnomalyMap], masks: [[UInt8]], pixels: PixelScores, alpha: Double) throws(PipelineError) -> PixelComparison {
        let metrics: PixelMetrics
        do throws(PixelMetricError) {
            var scoreMaps: [ScoreMap] = [], defectMasks: [DefectMask] = []
            for (map, mask) in zip(maps, masks) {
                scoreMaps.append(try ScoreMap(width: map.width, height: map.height, values: map.values))
                defectMasks.append(try DefectMask(width: map.width, height: map.height, pixels: mask))
            }
            metrics = try PixelMetrics(maps: scoreMaps, masks: defectMasks)
        } catch { return .skipped("the maps and masks do not fit together: \(error)") }
        var result = PixelComparison(auroc: try? metrics.auroc(), aupro: try? metrics.aupro(), entries: [], skipped: nil)
        for strategy in PixelStrategy.standard where strategy.input != .nothing {
            do throws(PipelineError) {
                let fitted = try pixels.fit(strategy, alpha: alpha)
                result.entries.append(Entry(key: strategy.key, guarantee: strategy.guarantee, isOracle: false, threshold: fitted,
                                            error: nil, recall: metrics.recall(at: fitted.value)))
            } catch {
                result.entries.append(Entry(key: strategy.key, guarantee: strategy.guarantee, isOracle: false, threshold: nil,
                                            error: error.description, recall: nil))
            }
        }
        if let best = try? metrics.bestF1Threshold() {
            let fitted = FittedThreshold(strategy: "pixel-oracle-best-f1", value: best.threshold, details: [Detail("f1", best.f1)])
            result.entries.append(Entry(key: fitted.strategy, guarantee: "oracle: chosen on the test masks", isOracle: true,
                                        threshold: fitted, error: nil, recall: metrics.recall(at: best.threshold)))
        }
        return result
    }

    /// `{"auroc", "aupro", "strategies": {key: {"threshold", "fpr", "tpr", "f1", "image_recall", "region_recall",
    /// "good_image_false_alarm_rate", "guarantee", "oracle", "error"?}}}`, or `{"skipped": reason}`.
    public func json() -> JSONValue {
        if let skipped { return ["skipped": .string(skipped)] }
        let strategies: [(key: String, value: JSONValue)] = entries.map { e in
            var fields: [(key: String, value: JSONValue)] = [
                ("threshold", JSONValue(number: e.threshold?.value)),
                ("fpr", JSONValue(number: e.recall?.pixelFalsePositiveRate)), ("tpr", JSONValue(number: e.recall?.pixelTruePositiveRate)),
                ("f1", JSONValue(number: e.recall?.pixelF1)), ("image_recall", JSONValue(number: e.recall?.imageRecall)),
                ("region_recall", JSONValue(number: e.recall?.regionRecall)),
                ("mean_region_overlap", JSONValue(number: e.recall?.meanRegionOverlap)),
                ("good_image_false_alarm_rate", JSONValue(number: e.recall?.goodImageFalseAlarmRate)),
                ("target_fpr", JSONValue(number: e.threshold?.targetFPR)),
                ("guarantee", .string(e.guarantee)), ("oracle", .bool(e.isOracle)),
            ]
            if let error = e.error { fields.append(("error", .string(error))) }
            return (e.key, .object(fields))
        }
        return .object([("auroc", JSONValue(number: auroc)), ("aupro", JSONValue(number: aupro)), ("strategies", .object(strategies))])
    }
}
