extension PixelMetrics {
    /// anomalib's adaptive F1 on pixels: the map value that maximises pixel F1 = 2TP/(2TP + FP + FN)
    /// when pixels ≥ it are flagged; ties go to the lowest such value. It reads the test masks, so
    /// it is the supervised oracle of pixel thresholds, not something usable in production.
    ///
    /// F1 values are compared as exact fractions, as ``AdaptiveF1Threshold`` does.
    /// - Throws: ``PixelMetricError/noAnomalousPixels(metric:)`` without anomalous pixels.
    /// - Complexity: O(P) for P pixels (the sort was done by the initialiser).
    public func bestF1Threshold() throws(PixelMetricError) -> (threshold: Double, f1: Double) {
        guard anomalousPixelCount > 0 else { throw .noAnomalousPixels(metric: "pixel best F1") }
        let positives = anomalousPixelCount
        var truePositives = 0, falsePositives = 0
        var best: (key: UInt32, numerator: Int, denominator: Int)?
        forEachThresholdDescending { key, normalAtKey, anomalousAtKey in
            truePositives += anomalousAtKey.count
            falsePositives += normalAtKey
            let numerator = 2 * truePositives, denominator = 2 * truePositives + falsePositives + (positives - truePositives)
            // Descending sweep: ≥ keeps the lowest threshold among equal F1 values.
            if let b = best, numerator * b.denominator < b.numerator * denominator { return }
            best = (key, numerator, denominator)
        }
        let b = best!
        return (Double(RadixSort.float(fromKey: b.key)), b.denominator == 0 ? 0 : Double(b.numerator) / Double(b.denominator))
    }
}
