/// What a pixel threshold finds on labelled test images: per image, per region and per pixel.
///
/// Rates with a zero denominator are NaN, as everywhere in ThresholdKit.
public struct PixelRecall: Sendable, Hashable {
    /// The threshold: a pixel with map value ≥ it is flagged.
    public var threshold: Double
    /// Images whose mask has an anomalous pixel.
    public var anomalousImages: Int
    /// Anomalous images with at least one flagged pixel anywhere in the image.
    public var detectedImages: Int
    /// Regions over all masks.
    public var regions: Int
    /// Regions with at least one flagged pixel.
    public var detectedRegions: Int
    /// The mean over regions of the fraction of the region's pixels that are flagged: PRO at this threshold.
    public var meanRegionOverlap: Double
    /// Images whose mask has no anomalous pixel.
    public var goodImages: Int
    /// Good images with at least one flagged pixel: the images an inspection line would reject wrongly.
    public var flaggedGoodImages: Int
    /// The fraction of negative pixels that are flagged.
    public var pixelFalsePositiveRate: Double
    /// Positive (anomalous) pixels, and those flagged.
    public var anomalousPixels: Int = 0
    public var flaggedAnomalousPixels: Int = 0
    /// Negative pixels flagged.
    public var flaggedNormalPixels: Int = 0

    /// flaggedAnomalousPixels / anomalousPixels; NaN without anomalous pixels.
    public var pixelTruePositiveRate: Double { rate(flaggedAnomalousPixels, anomalousPixels) }
    /// The pixel-level F1, 2TP / (2TP + FP + FN); 0 when nothing is flagged or anomalous.
    public var pixelF1: Double {
        let denominator = 2 * flaggedAnomalousPixels + flaggedNormalPixels + (anomalousPixels - flaggedAnomalousPixels)
        return denominator == 0 ? 0 : Double(2 * flaggedAnomalousPixels) / Double(denominator)
    }

    /// detectedImages / anomalousImages; NaN without anomalous images.
    public var imageRecall: Double { rate(detectedImages, anomalousImages) }
    /// detectedRegions / regions; NaN without regions.
    public var regionRecall: Double { rate(detectedRegions, regions) }
    /// flaggedGoodImages / goodImages; NaN without good images.
    public var goodImageFalseAlarmRate: Double { rate(flaggedGoodImages, goodImages) }

    private func rate(_ part: Int, _ whole: Int) -> Double { whole == 0 ? .nan : Double(part) / Double(whole) }
}

extension PixelMetrics {
    /// Per-image and per-region recall, region overlap and false alarms at `threshold`.
    ///
    /// A pixel is flagged when its map value, widened to Double, is ≥ `threshold`, so a
    /// fitted threshold is applied exactly (NumPy, comparing a float32 map with a Python
    /// float, rounds the threshold to float32 instead). An anomalous image counts as
    /// detected when any of its pixels is flagged, inside its mask or not, as an
    /// image-level decision from the map's maximum would.
    ///
    /// - Complexity: O(images + regions + positive pixels flagged + log(negative pixels)).
    public func recall(at threshold: Double) -> PixelRecall {
        var detectedImages = 0, anomalousImages = 0, flaggedGood = 0
        for (maximum, anomalous) in zip(imageMaxima, imageIsAnomalous) {
            let flagged = Double(maximum) >= threshold
            if anomalous {
                anomalousImages += 1
                if flagged { detectedImages += 1 }
            } else if flagged {
                flaggedGood += 1
            }
        }
        let detectedRegions = regionMaxima.reduce(0) { $0 + (Double($1) >= threshold ? 1 : 0) }
        let weights = regionWeights()
        var overlap = CompensatedSum()
        var flaggedPositives = 0
        for packed in anomalousKeys.reversed() {
            guard Double(RadixSort.float(fromKey: Self.valueKey(packed))) >= threshold else { break }
            overlap.add(weights[Self.region(packed)])
            flaggedPositives += 1
        }
        // Negative pixels at or above the threshold: the suffix after the first key that reaches it.
        var lo = 0, hi = normalKeys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Double(RadixSort.float(fromKey: normalKeys[mid])) < threshold { lo = mid + 1 } else { hi = mid }
        }
        return PixelRecall(
            threshold: threshold, anomalousImages: anomalousImages, detectedImages: detectedImages,
            regions: regionCount, detectedRegions: detectedRegions,
            meanRegionOverlap: regionCount == 0 ? .nan : Swift.min(overlap.value, 1),
            goodImages: imageCount - anomalousImages, flaggedGoodImages: flaggedGood,
            pixelFalsePositiveRate: normalKeys.isEmpty ? .nan : Double(normalKeys.count - lo) / Double(normalKeys.count),
            anomalousPixels: anomalousKeys.count, flaggedAnomalousPixels: flaggedPositives, flaggedNormalPixels: normalKeys.count - lo)
    }
}
