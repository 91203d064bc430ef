import Randomness
import Testing

@testable import Thresholding

/// Maps and masks written as rows, so a test reads like the picture it describes.
enum PixelFixtures {
    static func map(_ rows: [[Float]]) -> ScoreMap {
        try! ScoreMap(width: rows[0].count, height: rows.count, values: rows.flatMap { $0 })
    }

    static func mask(_ rows: [[Int]]) -> DefectMask {
        try! DefectMask(width: rows[0].count, height: rows.count, pixels: rows.flatMap { $0.map { UInt8($0 * 255) } })
    }

    /// Three 16×12 images: image 0 is good; image 1 has a 4×4 block and a diagonal
    /// chain of 3 pixels; image 2 a disc of radius 3 and two single corner pixels. Map
    /// values cycle through 23 levels, raised by 0, 0.3 or 0.6 inside the masks, with
    /// many ties. The constants the tests compare with come from the same images in
    /// numpy float32, regions from scipy.ndimage.label and the exact sweep of
    /// REFERENCE.md §8, written independently of this code:
    ///
    ///     import numpy as np; from scipy import ndimage; f = np.float32; W, H = 16, 12
    ///     def mask(i):
    ///         m = np.zeros((H, W), np.uint8)
    ///         if i == 1:
    ///             m[3:7, 2:6] = 255
    ///             for x, y in [(10, 2), (11, 3), (12, 4)]: m[y, x] = 255
    ///         if i == 2:
    ///             for y in range(H):
    ///                 for x in range(W):
    ///                     if (x-8)**2 + (y-6)**2 <= 9: m[y, x] = 255
    ///             m[0, 0] = 255; m[11, 15] = 255
    ///         return m
    ///     def amap(i, m):
    ///         a = np.zeros((H, W), f)
    ///         for y in range(H):
    ///             for x in range(W):
    ///                 v = f((x*7 + y*13 + i*5) % 23) / f(23)
    ///                 a[y, x] = v + f(0.3) * f((x + y) % 3) if m[y, x] else v
    ///         return a
    ///     def aupro(maps, masks, limit=0.3, structure=np.ones((3, 3))):
    ///         regions = [m[l == r] for m, k in zip(maps, masks)
    ///                    for l, n in [ndimage.label(k > 0, structure=structure)] for r in range(1, n + 1)]
    ///         neg = np.concatenate([m[k == 0] for m, k in zip(maps, masks)])
    ///         pts = [(0.0, 0.0)] + [((neg >= t).mean(), np.mean([(r >= t).mean() for r in regions]))
    ///                               for t in np.unique(np.concatenate([m.ravel() for m in maps]))[::-1]]
    ///         area = 0.0
    ///         for (f0, p0), (f1, p1) in zip(pts, pts[1:]):
    ///             if f1 >= limit:
    ///                 area += (limit - f0) * (p0 + p0 + (p1 - p0) * (limit - f0) / (f1 - f0)) / 2; break
    ///             area += (f1 - f0) * (p0 + p1) / 2
    ///         return area / limit
    ///     masks = [mask(i) for i in range(3)]; maps = [amap(i, masks[i]) for i in range(3)]
    ///
    /// then `aupro(maps, masks)`, with `limit=0.05`, with the 4-connected `structure`, and
    /// the AUROC from `scipy.stats.rankdata` (Mann–Whitney with average ranks).
    static func formulaImages() -> (maps: [ScoreMap], masks: [DefectMask]) {
        let w = 16, h = 12
        var maps: [ScoreMap] = []
        var masks: [DefectMask] = []
        for i in 0..<3 {
            var m = [UInt8](repeating: 0, count: w * h)
            if i == 1 {
                for y in 3..<7 { for x in 2..<6 { m[y * w + x] = 255 } }
                for (x, y) in [(10, 2), (11, 3), (12, 4)] { m[y * w + x] = 255 }
            }
            if i == 2 {
                for y in 0..<h { for x in 0..<w where (x - 8) * (x - 8) + (y - 6) * (y - 6) <= 9 { m[y * w + x] = 255 } }
                m[0] = 255
                m[11 * w + 15] = 255
            }
            var values = [Float](repeating: 0, count: w * h)
            for y in 0..<h {
                for x in 0..<w {
                    var v = Float((x * 7 + y * 13 + i * 5) % 23) / Float(23)
                    if m[y * w + x] > 0 { v = v + Float(0.3) * Float((x + y) % 3) }
                    values[y * w + x] = v
                }
            }
            maps.append(try! ScoreMap(width: w, height: h, values: values))
            masks.append(try! DefectMask(width: w, height: h, pixels: m))
        }
        return (maps, masks)
    }
}

@Suite struct PixelMetricsTests {
    typealias F = PixelFixtures

    @Test func handCheckedAUPROOnTwoTinyImages() throws {
        // Image A (4×2): region R1 = {0.9, 0.35} (top-left pair), R2 = {0.7} (bottom-right);
        // its other 5 pixels are negatives. Image B (5×1) is good: 5 more negatives, N = 10.
        // Descending thresholds give (FPR, PRO): 0.9 → (0, ¼) [R1 half, R2 none];
        // 0.8 → (0.1, ¼); 0.7 → (0.1, ¾) [R2 whole]; 0.6 → (0.2, ¾); 0.5 → (0.3, ¾).
        // Area to 0.3: 0.1·¼ + 0.1·¾ + 0.1·¾ = 0.175; / 0.3 = 7/12.
        let a = F.map([[0.9, 0.35, 0.8, 0.5], [0.3, 0.2, 0.1, 0.7]])
        let maskA = F.mask([[1, 1, 0, 0], [0, 0, 0, 1]])
        let b = F.map([[0.6, 0.4, 0.05, 0.0, 0.25]])
        let metrics = try PixelMetrics(maps: [a, b], masks: [maskA, try .good(width: 5, height: 1)])
        #expect(metrics.regionCount == 2)
        #expect(metrics.normalPixelCount == 10)
        #expect(abs(try metrics.aupro() - 7.0 / 12) < 1e-15)
        #expect(abs(try aupro(maps: [a, b], masks: [maskA, try .good(width: 5, height: 1)]) - 7.0 / 12) < 1e-15)
    }

    @Test func theCurveIsInterpolatedAtExactlyTheLimit() throws {
        // One region {0.9, 0.5}; negatives {0.95, 0.5, 0.2, 0.1}, N = 4. Points: (0.25, 0) at 0.95,
        // (0.25, ½) at 0.9, then at 0.5 a negative and the region's second pixel tie: (0.5, 1).
        // On that diagonal PRO(0.3) = ½ + ½·(0.05/0.25) = 0.6, so the area to 0.3 is
        // 0.05·(½ + 0.6)/2 = 0.0275 and AUPRO = 0.0275/0.3 = 11/120. Dropping the partial
        // segment would give 0; taking all of it, (0.25·¾)/0.3 = 0.625.
        let map = F.map([[0.9, 0.5, 0.95, 0.5, 0.2, 0.1]])
        let mask = F.mask([[1, 1, 0, 0, 0, 0]])
        #expect(abs(try aupro(maps: [map], masks: [mask]) - 11.0 / 120) < 1e-15)
        // With the limit at 0.5 the whole diagonal counts: (0.25·0 + 0.25·¾)/0.5 = 0.375.
        #expect(abs(try aupro(maps: [map], masks: [mask], fprLimit: 0.5) - 0.375) < 1e-15)
    }

    @Test func aPerfectMapScoresOne() throws {
        let mask = F.mask([[0, 1, 1], [0, 0, 1], [1, 0, 0]])
        let map = try ScoreMap(width: 3, height: 3, values: mask.pixels.map { $0 > 0 ? 2 : -1 })
        #expect(try aupro(maps: [map], masks: [mask]) == 1)
        #expect(try pixelAUROC(maps: [map], masks: [mask]) == 1)
    }

    @Test func aConstantMapScoresTheChanceValue() throws {
        // One threshold, where FPR and PRO both jump from 0 to 1: the curve is the
        // diagonal PRO = FPR, whose area to 0.3 is 0.3²/2, so AUPRO = 0.3/2 = 0.15
        // (limit/2 in general), and pixel AUROC is ½.
        let mask = F.mask([[0, 1, 1, 0], [0, 0, 1, 0], [1, 0, 0, 0]])
        let map = try ScoreMap(width: 4, height: 3, values: [Float](repeating: 0.25, count: 12))
        #expect(abs(try aupro(maps: [map], masks: [mask]) - 0.15) < 1e-15)
        #expect(abs(try aupro(maps: [map], masks: [mask], fprLimit: 0.8) - 0.4) < 1e-15)
        #expect(try pixelAUROC(maps: [map], masks: [mask]) == 0.5)
    }

    @Test func aDiagonalPairIsOneRegionUnderEightConnectivity() throws {
        // Pixels p (0.9) and q (0.1) touch at a corner; r (0.1) stands apart; negatives 0.5.
        // 8-connected: {p, q}, {r}: at 0.9 PRO = (½ + 0)/2 = ¼, flat until FPR 1: AUPRO ¼.
        // 4-connected: {p}, {q}, {r}: PRO = ⅓ there instead.
        let mask = F.mask([[1, 0, 0, 0], [0, 1, 0, 1]])
        let map = F.map([[0.9, 0.5, 0.5, 0.5], [0.5, 0.1, 0.5, 0.1]])
        let eight = try PixelMetrics(maps: [map], masks: [mask])
        let four = try PixelMetrics(maps: [map], masks: [mask], connectivity: .four)
        #expect(eight.regionCount == 2)
        #expect(four.regionCount == 3)
        #expect(abs(try eight.aupro() - 0.25) < 1e-15)
        #expect(abs(try four.aupro() - 1.0 / 3) < 1e-15)
    }

    @Test func aOnePixelRegionWeighsAsMuchAsAHundredPixelOne() throws {
        // A 10×10 block and a single pixel; negatives are 0.5. Whichever region is found
        // first (0.9 against 0.1), PRO is ½ from FPR 0 to 1, so AUPRO is ½ either way;
        // weighting by pixels would give 1/101 or 100/101.
        func images(block: Float, single: Float) throws -> PixelMetrics {
            var values = [Float](repeating: 0.5, count: 12 * 12)
            var pixels = [UInt8](repeating: 0, count: 12 * 12)
            for y in 0..<10 { for x in 0..<10 { values[y * 12 + x] = block; pixels[y * 12 + x] = 255 } }
            values[11 * 12 + 11] = single
            pixels[11 * 12 + 11] = 1
            return try PixelMetrics(
                maps: [try ScoreMap(width: 12, height: 12, values: values)],
                masks: [try DefectMask(width: 12, height: 12, pixels: pixels)])
        }
        #expect(abs(try images(block: 0.1, single: 0.9).aupro() - 0.5) < 1e-15)
        #expect(abs(try images(block: 0.9, single: 0.1).aupro() - 0.5) < 1e-15)
    }

    @Test func matchesAnIndependentReferenceOnFormulaImages() throws {
        // Constants from the numpy/scipy script in PixelFixtures.formulaImages.
        let (maps, masks) = PixelFixtures.formulaImages()
        let eight = try PixelMetrics(maps: maps, masks: masks)
        #expect(eight.regionCount == 5)
        #expect(eight.anomalousPixelCount == 50)
        #expect(eight.normalPixelCount == 526)
        #expect(abs(try eight.aupro() - 0.30714994609792695) < 1e-13)
        #expect(abs(try eight.aupro(fprLimit: 0.05) - 0.14079585682443946) < 1e-13)
        #expect(abs(try PixelMetrics(maps: maps, masks: masks, connectivity: .four).aupro() - 0.2717798063895809) < 1e-13)
        #expect(abs(try eight.auroc() - 0.7094106463878327) < 1e-15)
    }

    @Test func pixelAUROCEqualsTheScoreAUROCOfTheFlattenedPixels() throws {
        var g = SeededGenerator(seed: 404)
        for trial in 0..<20 {
            let count = 1 + g.nextInt(below: 4)
            var maps: [ScoreMap] = []
            var masks: [DefectMask] = []
            var normal: [Double] = []
            var anomalous: [Double] = []
            // Few levels, both zeros and large sizes now and then, so ties and the radix path are exercised.
            let levels = 2 + g.nextInt(below: trial % 2 == 0 ? 12 : 4000)
            for _ in 0..<count {
                let w = 1 + g.nextInt(below: 40), h = 1 + g.nextInt(below: 40)
                let cx = g.nextInt(below: w), cy = g.nextInt(below: h), r = g.nextInt(below: 8)
                var values: [Float] = []
                var pixels: [UInt8] = []
                for y in 0..<h {
                    for x in 0..<w {
                        let inside = (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r && trial % 5 != 0
                        var v = Float(g.nextInt(below: levels) - levels / 3) / 7
                        if inside { v += Float(g.nextInt(below: 3)) }
                        if v == 0 && g.nextInt(below: 2) == 0 { v = -0.0 }
                        values.append(v)
                        pixels.append(inside ? 255 : 0)
                        if inside { anomalous.append(Double(v)) } else { normal.append(Double(v)) }
                    }
                }
                maps.append(try ScoreMap(width: w, height: h, values: values))
                masks.append(try DefectMask(width: w, height: h, pixels: pixels))
            }
            let metrics = try PixelMetrics(maps: maps, masks: masks)
            if anomalous.isEmpty || normal.isEmpty {
                #expect(throws: PixelMetricError.self) { try metrics.auroc() }
            } else {
                #expect(try metrics.auroc() == (try auroc(normal: normal, anomalous: anomalous)), "trial \(trial)")
            }
        }
    }

    @Test func recallPerImageAndPerRegionAtAThreshold() throws {
        // From the script in PixelFixtures.formulaImages at t = 0.6: regions of 3, 16, 1, 29 and 1 pixels,
        // 4 of them with a pixel ≥ t, mean overlap 0.5489942528735632; every image has a
        // pixel ≥ t; 210 of the 526 negative pixels are ≥ t.
        let (maps, masks) = PixelFixtures.formulaImages()
        let r = try PixelMetrics(maps: maps, masks: masks).recall(at: 0.6)
        #expect(r.regions == 5)
        #expect(r.detectedRegions == 4)
        #expect(r.regionRecall == 0.8)
        #expect(abs(r.meanRegionOverlap - 0.5489942528735632) < 1e-15)
        #expect(r.anomalousImages == 2)
        #expect(r.detectedImages == 2)
        #expect(r.imageRecall == 1)
        #expect(r.goodImages == 1)
        #expect(r.flaggedGoodImages == 1)
        #expect(r.pixelFalsePositiveRate == 210.0 / 526)
    }

    @Test func recallByHand() throws {
        // Region {0.9, 0.2} of image 0 and region {0.3} of image 1; image 2 is good with max 0.4.
        let maps = [F.map([[0.9, 0.2, 0.1]]), F.map([[0.3, 0.0, 0.0]]), F.map([[0.4, 0.0, 0.0]])]
        let masks = [F.mask([[1, 1, 0]]), F.mask([[1, 0, 0]]), F.mask([[0, 0, 0]])]
        let metrics = try PixelMetrics(maps: maps, masks: masks)
        let half = metrics.recall(at: 0.5)
        #expect(half.detectedImages == 1)
        #expect(half.detectedRegions == 1)
        #expect(half.meanRegionOverlap == 0.25)  // (½ + 0)/2
        #expect(half.flaggedGoodImages == 0)
        #expect(half.pixelFalsePositiveRate == 0)
        let low = metrics.recall(at: 0.25)
        #expect(low.imageRecall == 1)
        #expect(low.regionRecall == 1)
        #expect(low.meanRegionOverlap == 0.75)  // (½ + 1)/2
        #expect(low.goodImageFalseAlarmRate == 1)
        #expect(low.pixelFalsePositiveRate == 1.0 / 6)  // 0.4 of the 6 negatives
        // Nothing anomalous: the rates that need regions or anomalous images are NaN.
        let good = try PixelMetrics(maps: [maps[2]], masks: [masks[2]]).recall(at: 0.1)
        #expect(good.imageRecall.isNaN && good.regionRecall.isNaN && good.meanRegionOverlap.isNaN)
    }

    @Test func pixelTruePositiveRateAndF1ByHand() throws {
        // Positives 0.9, 0.2, 0.3; negatives 0.1, 0, 0, 0, 0.4, 0, 0 (as in recallByHand).
        let maps = [F.map([[0.9, 0.2, 0.1]]), F.map([[0.3, 0.0, 0.0]]), F.map([[0.4, 0.0, 0.0]])]
        let masks = [F.mask([[1, 1, 0]]), F.mask([[1, 0, 0]]), F.mask([[0, 0, 0]])]
        let metrics = try PixelMetrics(maps: maps, masks: masks)
        let r = metrics.recall(at: 0.25)
        // Flagged: 0.9 and 0.3 (TP 2), 0.4 (FP 1); missed 0.2 (FN 1): TPR 2/3, F1 = 4/(4 + 1 + 1).
        #expect(r.anomalousPixels == 3 && r.flaggedAnomalousPixels == 2 && r.flaggedNormalPixels == 1)
        #expect(r.pixelTruePositiveRate == 2.0 / 3)
        #expect(r.pixelF1 == 4.0 / 6)
    }

    @Test func bestPixelF1ThresholdByHand() throws {
        let maps = [F.map([[0.9, 0.2, 0.1]]), F.map([[0.3, 0.0, 0.0]]), F.map([[0.4, 0.0, 0.0]])]
        let masks = [F.mask([[1, 1, 0]]), F.mask([[1, 0, 0]]), F.mask([[0, 0, 0]])]
        let best = try PixelMetrics(maps: maps, masks: masks).bestF1Threshold()
        // t = 0.9: F1 2/4; 0.4: 2/5; 0.3: 4/6; 0.2: 6/7 (TP 3, FP 1); 0.1: 6/8; 0: 6/13. Best 6/7 at 0.2.
        #expect(best.threshold == Double(Float(0.2)))
        #expect(best.f1 == 6.0 / 7)
        // Ties go to the lowest threshold: two equal optima.
        let tie = try PixelMetrics(maps: [F.map([[1, 0.5, 0.45, 0.4]])], masks: [F.mask([[1, 0, 0, 1]])]).bestF1Threshold()
        // t = 1: F1 2/3; 0.5: 2/4; 0.45: 2/5; 0.4: 4/6 = 2/3 again: the lower one wins.
        #expect(tie.threshold == Double(Float(0.4)) && tie.f1 == 2.0 / 3)
        #expect(throws: PixelMetricError.self) { try PixelMetrics(maps: [maps[2]], masks: [masks[2]]).bestF1Threshold() }
    }

    @Test func edgeCasesAreTypedErrors() throws {
        let map = F.map([[0.1, 0.2]])
        #expect(throws: PixelMetricError.noAnomalousPixels(metric: "AUPRO")) {
            try aupro(maps: [map], masks: [F.mask([[0, 0]])])
        }
        #expect(throws: PixelMetricError.noNormalPixels(metric: "AUPRO")) {
            try aupro(maps: [map], masks: [F.mask([[1, 1]])])
        }
        #expect(throws: PixelMetricError.noAnomalousPixels(metric: "pixel AUROC")) {
            try pixelAUROC(maps: [map], masks: [F.mask([[0, 0]])])
        }
        #expect(throws: PixelMetricError.sizeMismatch(image: 1, mapWidth: 2, mapHeight: 1, maskWidth: 1, maskHeight: 2)) {
            try PixelMetrics(maps: [map, map], masks: [F.mask([[0, 1]]), F.mask([[0], [1]])])
        }
        #expect(throws: PixelMetricError.countMismatch(maps: 2, masks: 1)) {
            try PixelMetrics(maps: [map, map], masks: [F.mask([[0, 1]])])
        }
        #expect(throws: PixelMetricError.nonFiniteValue(image: 0, x: 1, y: 0, value: .infinity)) {
            try PixelMetrics(maps: [F.map([[0.1, .infinity]])], masks: [F.mask([[0, 1]])])
        }
        #expect(throws: PixelMetricError.self) {
            try aupro(maps: [map], masks: [F.mask([[0, 1]])], fprLimit: 0)
        }
        #expect(PixelMetricError.sizeMismatch(image: 1, mapWidth: 2, mapHeight: 1, maskWidth: 1, maskHeight: 2).description
            == "image 1: the map is 2×1 but its mask is 1×2; resize the mask to the map (nearest neighbour) first")
        #expect(PixelMetricError.countMismatch(maps: 2, masks: 1).description
            == "2 maps but 1 mask; each map needs exactly one mask")
    }
}
