import Randomness
@testable import Thresholding

/// Seeded score sets and brute-force definitions that the fast metrics are checked against.
enum MetricsFixtures {
    /// A labelled score set.
    struct ScoreSet {
        var normal: [Double]
        var anomalous: [Double]
    }

    /// Seeded sets with heavy ties: scores are drawn from a handful of levels, some of them −0.0.
    ///
    /// Class sizes range over 0...maxCount, so empty classes occur unless `minCount` > 0.
    static func tiedSets(count: Int, seed: UInt64, minCount: Int = 1, maxCount: Int = 30) -> [ScoreSet] {
        var g = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            let levels = 1 + g.nextInt(below: 8)
            let step = [0.25, 1, 0.1][g.nextInt(below: 3)]
            func draw(_ shift: Int) -> Double {
                let level = g.nextInt(below: levels) + shift - levels / 2
                let value = Double(level) * step
                // Both zeros, so −0.0 and +0.0 must count as one score.
                return value == 0 && g.nextInt(below: 2) == 0 ? -0.0 : value
            }
            let n = minCount + g.nextInt(below: maxCount - minCount + 1)
            let p = minCount + g.nextInt(below: maxCount - minCount + 1)
            let shift = g.nextInt(below: 3)
            return ScoreSet(
                normal: (0..<n).map { _ in draw(0) },
                anomalous: (0..<p).map { _ in draw(shift) })
        }
    }

    /// Every distinct score of a set, descending, with −0.0 and +0.0 as one.
    static func distinctDescending(_ set: ScoreSet) -> [Double] {
        var result: [Double] = []
        for s in (set.normal + set.anomalous).sorted(by: >) where result.last != s {
            result.append(s)
        }
        return result
    }

    /// (TP, FP) at `threshold` by counting.
    static func counts(_ set: ScoreSet, at threshold: Double) -> (tp: Int, fp: Int) {
        (set.anomalous.filter { $0 >= threshold }.count, set.normal.filter { $0 >= threshold }.count)
    }

    /// AUROC as (2·#{a > n} + #{a = n}) / (2·N·P) over every pair.
    static func bruteForceAUROC(_ set: ScoreSet) -> Double {
        var twice = 0
        for a in set.anomalous {
            for n in set.normal {
                twice += a > n ? 2 : (a == n ? 1 : 0)
            }
        }
        return Double(twice) / (2 * Double(set.normal.count) * Double(set.anomalous.count))
    }

    /// Average precision straight from its definition, Σ (R_k − R_{k−1})·P_k, thresholds descending.
    static func bruteForceAveragePrecision(_ set: ScoreSet) -> Double {
        var ap = 0.0
        var previousRecall = 0.0
        for t in distinctDescending(set) {
            let (tp, fp) = counts(set, at: t)
            let recall = Double(tp) / Double(set.anomalous.count)
            let precision = Double(tp) / Double(tp + fp)
            ap += (recall - previousRecall) * precision
            previousRecall = recall
        }
        return ap
    }

    /// The lowest candidate threshold whose exact fraction num/den is largest, tried over every score.
    ///
    /// `objective` returns a numerator and a positive denominator (or 0/0 for undefined, taken as 0).
    static func bruteForceArgmax(
        _ set: ScoreSet, objective: (_ tp: Int, _ fp: Int) -> (num: Int, den: Int)
    ) -> (threshold: Double, num: Int, den: Int)? {
        var best: (threshold: Double, num: Int, den: Int)?
        for t in set.normal + set.anomalous {
            let (tp, fp) = counts(set, at: t)
            var (num, den) = objective(tp, fp)
            if den == 0 { (num, den) = (0, 1) }
            guard let b = best else {
                best = (t, num, den)
                continue
            }
            let lhs = num * b.den
            let rhs = b.num * den
            if lhs > rhs || (lhs == rhs && t < b.threshold) {
                best = (t, num, den)
            }
        }
        return best
    }

    /// The `strategy` of an `.unavailable` error thrown by `body`, or nil if it threw something else or nothing.
    static func unavailableStrategy(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let ThresholdError.unavailable(strategy, _) {
            return strategy
        } catch {
            return nil
        }
    }
}
