/// Pixel-level metrics of anomaly maps against ground-truth masks: pixel AUROC, AUPRO,
/// and per-image and per-region recall at a threshold (REFERENCE.md §8).
///
/// The maps and masks are checked, split and sorted once here, so every metric
/// after that is one pass over sorted keys:
/// - negatives are every pixel whose mask value is 0, including every pixel of the
///   good images; positives are mask pixels > 0;
/// - regions are the connected components of each mask (8-connectivity unless
///   stated), numbered across all images;
/// - map values are Float and compared exactly; −0.0 counts as +0.0.
///
/// Memory is 4 bytes per negative pixel and 8 per positive one (its value and its
/// region), so ten million pixels need about 40–80 MB beside the maps.
public struct PixelMetrics: Sendable {
    /// Order-preserving keys (``RadixSort/key(_:)-(Float)``) of the negative pixels, ascending.
    let normalKeys: [UInt32]
    /// The positive pixels, ascending by value: the value's key in the high 32 bits, its region in the low 32.
    let anomalousKeys: [UInt64]
    /// The number of pixels in each region, by region index.
    let regionSizes: [Int]
    /// The highest map value inside each region.
    let regionMaxima: [Float]
    /// The highest map value of each image.
    let imageMaxima: [Float]
    /// Whether each image's mask has an anomalous pixel.
    let imageIsAnomalous: [Bool]
    /// How regions were formed.
    public let connectivity: Connectivity

    /// The number of negative (normal) pixels.
    public var normalPixelCount: Int { normalKeys.count }
    /// The number of positive (anomalous) pixels.
    public var anomalousPixelCount: Int { anomalousKeys.count }
    /// The number of regions over all masks.
    public var regionCount: Int { regionSizes.count }
    /// The number of images.
    public var imageCount: Int { imageMaxima.count }

    /// Checks, labels and sorts the pixels of `maps` against `masks`.
    ///
    /// - Parameters:
    ///   - maps: one anomaly map per test image.
    ///   - masks: the matching ground-truth masks, of the maps' sizes (good images: empty masks).
    ///   - connectivity: how anomalous pixels join into regions; MVTec AD uses `.eight`.
    /// - Throws: ``PixelMetricError/countMismatch(maps:masks:)``,
    ///   ``PixelMetricError/sizeMismatch(image:mapWidth:mapHeight:maskWidth:maskHeight:)``,
    ///   ``PixelMetricError/nonFiniteValue(image:x:y:value:)``.
    /// - Complexity: O(P) time (radix sorts) for P pixels in all; O(P) memory.
    public init(maps: [ScoreMap], masks: [DefectMask], connectivity: Connectivity = .eight) throws(PixelMetricError) {
        guard maps.count == masks.count else { throw .countMismatch(maps: maps.count, masks: masks.count) }
        var normalCount = 0
        for (i, (map, mask)) in zip(maps, masks).enumerated() {
            guard map.width == mask.width, map.height == mask.height else {
                throw .sizeMismatch(
                    image: i, mapWidth: map.width, mapHeight: map.height, maskWidth: mask.width, maskHeight: mask.height)
            }
            normalCount += map.values.count - mask.anomalousCount
        }
        var normalKeys: [UInt32] = []
        normalKeys.reserveCapacity(normalCount)
        var anomalousKeys: [UInt64] = []
        var regionSizes: [Int] = []
        var regionMaxima: [Float] = []
        var imageMaxima: [Float] = []
        var imageIsAnomalous: [Bool] = []
        for (i, (map, mask)) in zip(maps, masks).enumerated() {
            var maximum = -Float.infinity
            var anomalous = false
            // Regions are labelled only where there is something to label.
            let components = mask.pixels.contains { $0 > 0 } ? ConnectedComponents(mask: mask, connectivity: connectivity) : nil
            let firstRegion = regionSizes.count
            if let components {
                regionSizes += components.sizes
                regionMaxima += [Float](repeating: -.infinity, count: components.count)
                anomalous = true
            }
            for (p, raw) in map.values.enumerated() {
                guard raw.isFinite else {
                    throw .nonFiniteValue(image: i, x: p % map.width, y: p / map.width, value: raw)
                }
                let value = raw == 0 ? 0 : raw
                maximum = Swift.max(maximum, value)
                if let components, components.labels[p] > 0 {
                    let region = firstRegion + Int(components.labels[p]) - 1
                    regionMaxima[region] = Swift.max(regionMaxima[region], value)
                    anomalousKeys.append(UInt64(RadixSort.key(value)) << 32 | UInt64(region))
                } else {
                    normalKeys.append(RadixSort.key(value))
                }
            }
            imageMaxima.append(maximum)
            imageIsAnomalous.append(anomalous)
        }
        normalKeys.withUnsafeMutableBufferPointer { RadixSort.sortKeys($0, lowestBit: 0, digits: 4) }
        anomalousKeys.withUnsafeMutableBufferPointer { RadixSort.sortKeys($0, lowestBit: 32, digits: 4) }
        self.normalKeys = normalKeys
        self.anomalousKeys = anomalousKeys
        self.regionSizes = regionSizes
        self.regionMaxima = regionMaxima
        self.imageMaxima = imageMaxima
        self.imageIsAnomalous = imageIsAnomalous
        self.connectivity = connectivity
    }

    /// The value key of a positive pixel's packed key.
    @inline(__always)
    static func valueKey(_ packed: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: packed >> 32) }

    /// The region index of a positive pixel's packed key.
    @inline(__always)
    static func region(_ packed: UInt64) -> Int { Int(UInt32(truncatingIfNeeded: packed)) }

    /// Throws unless there are both negative and positive pixels.
    func requireBothClasses(metric: String) throws(PixelMetricError) {
        guard !anomalousKeys.isEmpty else { throw .noAnomalousPixels(metric: metric) }
        guard !normalKeys.isEmpty else { throw .noNormalPixels(metric: metric) }
    }

    /// Calls `body` for each distinct map value t, from the highest down, with the
    /// number of negative pixels equal to t and the range of positive pixels equal to t
    /// (indices into ``anomalousKeys``).
    ///
    /// - Complexity: O(P) over all pixels, no allocation.
    func forEachThresholdDescending(_ body: (_ key: UInt32, _ normalAtKey: Int, _ anomalousAtKey: Range<Int>) -> Void) {
        normalKeys.withUnsafeBufferPointer { normal in
            anomalousKeys.withUnsafeBufferPointer { anomalous in
                var i = normal.count
                var j = anomalous.count
                while i > 0 || j > 0 {
                    let t: UInt32
                    if j == 0 || (i > 0 && normal[i - 1] >= Self.valueKey(anomalous[j - 1])) {
                        t = normal[i - 1]
                    } else {
                        t = Self.valueKey(anomalous[j - 1])
                    }
                    let normalEnd = i
                    while i > 0 && normal[i - 1] == t { i -= 1 }
                    let anomalousEnd = j
                    while j > 0 && Self.valueKey(anomalous[j - 1]) == t { j -= 1 }
                    body(t, normalEnd - i, j..<anomalousEnd)
                }
            }
        }
    }
}
