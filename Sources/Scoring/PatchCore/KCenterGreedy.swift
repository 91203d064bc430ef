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
///
/// Each point remembers its nearest chosen centre. A new centre c can only move points of a
/// centre a that lies closer to c than twice that cluster's radius R (triangle inequality:
/// d(p, c) ≥ d(a, c) − d(p, a) ≥ R ≥ d(p, a) otherwise), so most clusters are skipped once
/// radii shrink. The skip test keeps a relative margin of 10⁻⁴ over float rounding, so the
/// picks are those of the plain algorithm that updates every point for every centre.
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
    /// - Complexity: O(count × n × d) time in the worst case for n rows of dimension d (the plain algorithm's
    ///   bound: one pass over all rows per pick; the cluster skip makes later picks touch only a few
    ///   clusters), plus O(count² × d) for the distances between centres; O(n + count × d) extra memory.
    ///   Quadratic when count grows with n, which is why PatchCore picks from a bounded random pool.
    public static func select(_ points: Matrix<Float>, count: Int, start: Int,
                              progress: (_ chosen: Int, _ total: Int) -> Void = { _, _ in }) -> Selection {
        precondition(points.rows > 0 && (0..<points.rows).contains(start) && count >= 1, "k-center selection arguments")
        var state = points.elements.withUnsafeBufferPointer { Clusters(points: $0.baseAddress!, rows: points.rows, dimension: points.columns, start: start) }
        let step = max(1, count / 100)
        points.elements.withUnsafeBufferPointer { x in
            while state.centres.count < count, let next = state.farthest(), next.value > 0 {
                state.add(centre: next.index, points: x.baseAddress!)
                if state.centres.count % step == 0 { progress(state.centres.count, count) }
            }
        }
        progress(count, count)
        return Selection(indices: state.centres, coveringRadius: Double(state.farthest()?.value ?? 0).squareRoot())
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

/// The points grouped by their nearest chosen centre, with each group's farthest member.
private struct Clusters {
    let rows: Int
    let dimension: Int
    /// Chosen rows, in order; cluster j belongs to centres[j].
    var centres: [Int] = []
    /// Each row's squared distance to its centre.
    var nearest: [Float]
    /// The rows of each cluster.
    var members: [[Int32]] = []
    /// Each cluster's largest squared distance and the lowest row reaching it.
    var radius: [Float] = []
    var farthestRow: [Int] = []
    /// The centres' coordinates, row after row, for the centre-to-centre distances.
    var centreCoordinates: [Float] = []

    init(points: UnsafePointer<Float>, rows: Int, dimension: Int, start: Int) {
        self.rows = rows
        self.dimension = dimension
        nearest = [Float](repeating: .infinity, count: rows)
        centres = [start]
        centreCoordinates = Array(UnsafeBufferPointer(start: points + start * dimension, count: dimension))
        let d = dimension
        nearest.withUnsafeMutableBufferPointer { best in
            Self.split(rows) { r0, r1 in
                for r in r0..<r1 { best[r] = KCenterGreedy.squaredDistance(points + r * d, points + start * d, count: d) }
            }
        }
        members = [(0..<rows).map { Int32($0) }]
        radius = [0]
        farthestRow = [0]
        refresh(0)
    }

    /// The row farthest from its centre (lowest row among equals), or nil when there are no rows.
    func farthest() -> (value: Float, index: Int)? {
        guard !radius.isEmpty else { return nil }
        var best = (value: radius[0], index: farthestRow[0])
        for j in 1..<radius.count where radius[j] > best.value || (radius[j] == best.value && farthestRow[j] < best.index) {
            best = (radius[j], farthestRow[j])
        }
        return best
    }

    /// Makes row `c` a centre and moves to it every row now nearer to it than to its own centre.
    mutating func add(centre c: Int, points x: UnsafePointer<Float>) {
        let d = dimension
        let t = centres.count
        // Clusters whose centre is within twice their radius of c (squared: 4R², with a margin).
        var near = [Bool](repeating: false, count: t)
        centreCoordinates.withUnsafeBufferPointer { centresX in
            radius.withUnsafeBufferPointer { r in
                near.withUnsafeMutableBufferPointer { flags in
                    Self.split(t, minimum: 1024) { j0, j1 in
                        for j in j0..<j1 {
                            let between = KCenterGreedy.squaredDistance(centresX.baseAddress! + j * d, x + c * d, count: d)
                            flags[j] = between < 4 * r[j] * (1 + 1e-4)
                        }
                    }
                }
            }
        }
        let visited = (0..<t).filter { near[$0] }
        var work: [Int32] = []
        var bounds = [0]
        for j in visited {
            work += members[j]
            bounds.append(work.count)
        }
        var moved = [Bool](repeating: false, count: work.count)
        work.withUnsafeBufferPointer { w in
            nearest.withUnsafeMutableBufferPointer { best in
                moved.withUnsafeMutableBufferPointer { flags in
                    Self.split(w.count) { i0, i1 in
                        for i in i0..<i1 {
                            let p = Int(w[i])
                            let d2 = KCenterGreedy.squaredDistance(x + p * d, x + c * d, count: d)
                            if d2 < best[p] {
                                best[p] = d2
                                flags[i] = true
                            }
                        }
                    }
                }
            }
        }
        var joined: [Int32] = []
        for (v, j) in visited.enumerated() {
            var kept: [Int32] = []
            kept.reserveCapacity(bounds[v + 1] - bounds[v])
            for i in bounds[v]..<bounds[v + 1] {
                if moved[i] { joined.append(work[i]) } else { kept.append(work[i]) }
            }
            members[j] = kept
            refresh(j)
        }
        centres.append(c)
        centreCoordinates += UnsafeBufferPointer(start: x + c * d, count: d)
        members.append(joined)
        radius.append(0)
        farthestRow.append(c)
        refresh(t)
    }

    /// Recomputes cluster j's largest distance and its lowest row.
    private mutating func refresh(_ j: Int) {
        var top = (value: Float(-1), index: Int.max)
        for p in members[j] {
            let v = nearest[Int(p)], i = Int(p)
            if v > top.value || (v == top.value && i < top.index) { top = (v, i) }
        }
        // An empty cluster (its centre moved away cannot happen: a centre is at distance 0 from itself).
        radius[j] = max(top.value, 0)
        farthestRow[j] = top.index == Int.max ? centres[j] : top.index
    }

    /// Splits 0..<count into fixed chunks over the cores when it is large enough to pay for the hand-off.
    private static func split(_ count: Int, minimum: Int = 4096, _ body: (Int, Int) -> Void) {
        let chunks = count >= minimum ? 2 * Parallel.coreCount : 1
        Parallel.forEach(iterations: chunks) { k in body(count * k / chunks, count * (k + 1) / chunks) }
    }
}
