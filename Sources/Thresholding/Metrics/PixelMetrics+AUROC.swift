extension PixelMetrics {
    /// The pixel AUROC: P(a > n) + ½·P(a = n) for a random anomalous pixel a and normal pixel n.
    ///
    /// Exact with ties: twice the trapezoid area is summed as an integer over the
    /// distinct map values and divided once, so it equals ``auroc(normal:anomalous:)``
    /// on the same values to the last bit.
    ///
    /// - Throws: ``PixelMetricError/noAnomalousPixels(metric:)`` or
    ///   ``PixelMetricError/noNormalPixels(metric:)`` when a class is empty.
    /// - Complexity: O(P) for P pixels (the sort was done by the initialiser).
    public func auroc() throws(PixelMetricError) -> Double {
        try requireBothClasses(metric: "pixel AUROC")
        // Counts up to 2³¹ per class keep 2·N·P inside 64 bits.
        var twiceArea = 0
        var truePositives = 0
        forEachThresholdDescending { _, normalAtKey, anomalousAtKey in
            let nextTruePositives = truePositives + anomalousAtKey.count
            twiceArea += normalAtKey * (truePositives + nextTruePositives)
            truePositives = nextTruePositives
        }
        return Double(twiceArea) / (2 * Double(normalPixelCount) * Double(anomalousPixelCount))
    }
}

/// The pixel AUROC of `maps` against `masks`; see ``PixelMetrics/auroc()``.
///
/// - Throws: as ``PixelMetrics/init(maps:masks:connectivity:)`` and ``PixelMetrics/auroc()``.
/// - Complexity: O(P) for P pixels in all.
public func pixelAUROC(maps: [ScoreMap], masks: [DefectMask]) throws(PixelMetricError) -> Double {
    try PixelMetrics(maps: maps, masks: masks).auroc()
}
