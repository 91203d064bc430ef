import LinearAlgebra

/// Greedy k-center selection (Gonzalez 1985; PatchCore's coreset, Roth et al. 2022 §3.2).
///
/// Starting from one given point, repeatedly add the point farthest from everything chosen
/// so far. After k picks every point lies within the covering radius r of a chosen one, and
/// r is at most twice the best radius any k points could reach. Unlike anomalib's
/// `KCenterGreedy`, the starting point is itself part of the selection.
///
/// Distances are exact Euclidean distances between the rows given (the caller projects first
/// to make them cheap). Selection stops early, with fewer than k points, when every point
/// coincides with a chosen one (radius 0), so the chosen points are always distinct rows.
public enum KCenterGreedy {
    /// The chosen rows and the radius reached.
    public struct Selection: Sendable, Hashable {
        /// Row indices in the order they were chosen; the first is the starting point.
        public var indices: [Int]
        /// max over rows of the distance to the nearest chosen row.
        public var coveringRadius: Double
    }

    /// Chooses up to `count` rows of `points`, starting with row `start`.
    /// - Parameters:
    ///   - progress: called now and then with (rows chosen, `count`).
    /// - Precondition: `points` has a row, `start` is one of them, `count` ≥ 1 (programmer errors).
    /// - Complexity: O(count × n × d) time for n rows of dimension d (one pass over all rows per pick),
    ///   O(n) extra memory. Quadratic when count grows with n, which is why PatchCore picks from a
    ///   bounded random pool: 6,000 picks from 60,000 rows in 64 dimensions are 2.3·10¹⁰ multiply-adds.
    public static func select(_ points: Matrix<Float>, count: Int, start: Int,
                              progress: (_ chosen: Int, _ total: Int) -> Void = { _, _ in }) -> Selection {
        let (n, d) = (points.rows, points.columns)
        precondition(n > 0 && (0..<n).contains(start) && count >= 1, "k-center selection arguments")
        var nearest = [Float](repeating: .infinity, count: n)  // squared distance to the chosen set
        var chosen = [start]
        chosen.reserveCapacity(min(count, n))
        let step = max(1, count / 100)
        var farthest = (value: Float(0), index: 0)
        points.elements.withUnsafeBufferPointer { x in
            nearest.withUnsafeMutableBufferPointer { best in
                farthest = update(x.baseAddress!, rows: n, dimension: d, centre: start, nearest: best.baseAddress!)
                while chosen.count < count && farthest.value > 0 {
                    chosen.append(farthest.index)
                    farthest = update(x.baseAddress!, rows: n, dimension: d, centre: farthest.index, nearest: best.baseAddress!)
                    if chosen.count % step == 0 { progress(chosen.count, count) }
                }
            }
        }
        progress(count, count)
        return Selection(indices: chosen, coveringRadius: Double(farthest.value).squareRoot())
    }

    /// Lowers every row's squared distance to the chosen set by the new `centre`; returns the largest
    /// remaining one and its first row. Rows are split into fixed chunks over the cores, and the chunks'
    /// answers combined in order, so the result never depends on scheduling.
    private static func update(_ x: UnsafePointer<Float>, rows n: Int, dimension d: Int, centre: Int,
                               nearest: UnsafeMutablePointer<Float>) -> (value: Float, index: Int) {
        let chunks = n >= 4096 ? 2 * Parallel.coreCount : 1
        var answers = [(value: Float, index: Int)](repeating: (-1, 0), count: chunks)
        let c = x + centre * d
        answers.withUnsafeMutableBufferPointer { slots in
            Parallel.forEach(iterations: chunks) { chunk in
                var top: (value: Float, index: Int) = (-1, 0)
                for r in (n * chunk / chunks)..<(n * (chunk + 1) / chunks) {
                    let v = min(nearest[r], squaredDistance(x + r * d, c, count: d))
                    nearest[r] = v
                    if v > top.value { top = (v, r) }
                }
                slots[chunk] = top
            }
        }
        var top = answers[0]
        for a in answers.dropFirst() where a.value > top.value { top = a }
        return top
    }

    /// ‖a − b‖² over `count` floats, eight lanes at a time.
    @inline(__always)
    static func squaredDistance(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
        var acc = SIMD8<Float>(repeating: 0)
        var k = 0
        while k + 8 <= count {
            let diff = ra.loadUnaligned(fromByteOffset: k * 4, as: SIMD8<Float>.self)
                - rb.loadUnaligned(fromByteOffset: k * 4, as: SIMD8<Float>.self)
            acc += diff * diff
            k += 8
        }
        var s = acc.sum()
        while k < count {
            let diff = a[k] - b[k]
            s += diff * diff
            k += 1
        }
        return s
    }
}
