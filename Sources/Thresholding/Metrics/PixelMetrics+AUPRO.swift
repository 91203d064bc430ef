extension PixelMetrics {
    /// The default false-positive-rate limit of AUPRO, as in MVTec AD and anomalib.
    public static let defaultFPRLimit = 0.3

    /// The area under the per-region-overlap curve up to a false-positive rate, normalised to [0, 1].
    ///
    /// For a threshold t, PRO(t) is the mean over all regions of all images of the
    /// fraction of the region's pixels with map ≥ t (every region weighs the same,
    /// whatever its size), and FPR(t) the fraction of all negative pixels with map ≥ t.
    /// The curve runs from (0, 0) at t = +∞ through one point per **distinct map value**
    /// (the exact sweep, no threshold grid or downsampling), and PRO is integrated
    /// over FPR from 0 to `fprLimit` by the trapezoid rule, interpolating linearly at
    /// exactly `fprLimit`, then divided by `fprLimit`, so a perfect map scores 1 and
    /// a constant map `fprLimit`/2 (0.15 at the default 0.3).
    ///
    /// - Parameter fprLimit: the upper end of the integral, in (0, 1].
    /// - Throws: ``PixelMetricError/noAnomalousPixels(metric:)`` when there is no
    ///   region; ``PixelMetricError/noNormalPixels(metric:)`` when there is no
    ///   negative pixel; ``PixelMetricError/invalidParameter(name:value:expected:)``
    ///   for a limit outside (0, 1].
    /// - Complexity: O(P) for P pixels (the sort was done by the initialiser).
    public func aupro(fprLimit: Double = defaultFPRLimit) throws(PixelMetricError) -> Double {
        guard fprLimit > 0, fprLimit <= 1 else {
            throw .invalidParameter(name: "fprLimit", value: fprLimit, expected: "a number in (0, 1]")
        }
        try requireBothClasses(metric: "AUPRO")
        let weights = regionWeights()
        let n = Double(normalPixelCount)
        var falsePositives = 0
        var overlap = CompensatedSum()
        var previous = (fpr: 0.0, pro: 0.0)
        var area = 0.0
        var done = false
        anomalousKeys.withUnsafeBufferPointer { anomalous in
            forEachThresholdDescending { _, normalAtKey, anomalousAtKey in
                guard !done else { return }
                falsePositives += normalAtKey
                for index in anomalousAtKey { overlap.add(weights[Self.region(anomalous[index])]) }
                let point = (fpr: Double(falsePositives) / n, pro: Swift.min(overlap.value, 1))
                if point.fpr >= fprLimit {
                    // The segment crosses the limit: cut it there.
                    let fraction = (fprLimit - previous.fpr) / (point.fpr - previous.fpr)
                    let proAtLimit = previous.pro + fraction * (point.pro - previous.pro)
                    area += (fprLimit - previous.fpr) * (previous.pro + proAtLimit) / 2
                    done = true
                } else {
                    area += (point.fpr - previous.fpr) * (previous.pro + point.pro) / 2
                    previous = point
                }
            }
        }
        return area / fprLimit
    }

    /// 1/(size · regions) for each region: the PRO one of its pixels adds when flagged.
    func regionWeights() -> [Double] {
        let regions = Double(regionCount)
        return regionSizes.map { 1 / (Double($0) * regions) }
    }
}

/// The AUPRO of `maps` against `masks` with 8-connected regions; see ``PixelMetrics/aupro(fprLimit:)``.
///
/// - Throws: as ``PixelMetrics/init(maps:masks:connectivity:)`` and ``PixelMetrics/aupro(fprLimit:)``.
/// - Complexity: O(P) for P pixels in all.
public func aupro(
    maps: [ScoreMap], masks: [DefectMask], fprLimit: Double = PixelMetrics.defaultFPRLimit
) throws(PixelMetricError) -> Double {
    try PixelMetrics(maps: maps, masks: masks).aupro(fprLimit: fprLimit)
}
