import LinearAlgebra
import Randomness
@testable import Scoring
import Testing

struct KCenterGreedyTests {
    @Test func handCheckedPicksOnALine() {
        // Distances from 0: 0 1 2 10 11 → pick 11; then 0 1 2 1 0 → pick 2; then 0 1 0 1 0 → pick 1 (first of equals).
        let points = Matrix<Float>(rowArrays: [[0], [1], [2], [10], [11]])
        let three = KCenterGreedy.select(points, count: 3, start: 0)
        #expect(three.indices == [0, 4, 2])
        #expect(three.coveringRadius == 1)
        let four = KCenterGreedy.select(points, count: 4, start: 0)
        #expect(four.indices == [0, 4, 2, 1])
        #expect(four.coveringRadius == 1)  // 10 is still 1 from 11
        #expect(KCenterGreedy.select(points, count: 5, start: 0).coveringRadius == 0)
    }

    @Test(arguments: [(200, 2, 20, 0), (500, 7, 60, 3), (1000, 16, 100, 999), (5000, 8, 40, 17)])
    func chosenPointsAreDistinctAndCoverThePoolWithinTheRadius(n: Int, d: Int, count: Int, start: Int) {
        let points = NearestNeighborsTests.gaussian(n, d, seed: UInt64(n + d))
        let s = KCenterGreedy.select(points, count: count, start: start)
        #expect(s.indices.count == count)
        #expect(s.indices.first == start)
        #expect(Set(s.indices).count == count)
        let exact = NearestNeighborsTests.bruteForce(points, points.selectingRows(s.indices))
        let radius = exact.map { $0.min()!.squareRoot() }.max()!
        #expect(abs(radius - s.coveringRadius) <= 1e-4 * max(radius, 1), "reported \(s.coveringRadius), true \(radius)")
        // Greedy is a 2-approximation: the radius is at most the smallest distance between two chosen points
        // (each new pick was the farthest point, so no later point could be farther than it was).
        let chosen = points.selectingRows(s.indices)
        let between = NearestNeighborsTests.bruteForce(chosen, chosen)
        var closest = Double.infinity
        for i in 0..<count { for j in 0..<count where i != j { closest = min(closest, between[i][j].squareRoot()) } }
        #expect(s.coveringRadius <= closest * (1 + 1e-5))
    }

    @Test func duplicatePointsEndTheSelectionEarlyWithDistinctRows() {
        // Three distinct points, each repeated: only three rows can ever be chosen.
        let points = Matrix<Float>(rowArrays: [[0, 0], [1, 1], [0, 0], [5, 5], [1, 1], [5, 5]])
        let s = KCenterGreedy.select(points, count: 6, start: 2)
        #expect(s.indices == [2, 3, 1])
        #expect(s.coveringRadius == 0)
    }

    @Test func theSameInputGivesTheSameSelection() {
        let points = NearestNeighborsTests.gaussian(6000, 12, seed: 5)
        let a = KCenterGreedy.select(points, count: 300, start: 11), b = KCenterGreedy.select(points, count: 300, start: 11)
        #expect(a == b)
        #expect(a != KCenterGreedy.select(points, count: 300, start: 12))
    }

    @Test func progressEndsAtTheTarget() {
        var last = (0, 0)
        _ = KCenterGreedy.select(NearestNeighborsTests.gaussian(100, 3, seed: 1), count: 30, start: 0) { last = ($0, $1) }
        #expect(last == (30, 30))
    }

    /// The textbook algorithm: every point's distance updated for every new centre, same tie rule (lowest row).
    static func plainSelect(_ points: Matrix<Float>, count: Int, start: Int) -> KCenterGreedy.Selection {
        let (n, d) = (points.rows, points.columns)
        var nearest = [Float](repeating: .infinity, count: n)
        var chosen: [Int] = []
        var next = start, top: Float = 1
        while chosen.count < count && top > 0 {
            let centre = next
            chosen.append(centre)
            top = -1
            points.elements.withUnsafeBufferPointer { x in
                for r in 0..<n {
                    nearest[r] = min(nearest[r], KCenterGreedy.squaredDistance(x.baseAddress! + r * d, x.baseAddress! + centre * d, count: d))
                    if nearest[r] > top { (top, next) = (nearest[r], r) }
                }
            }
        }
        return KCenterGreedy.Selection(indices: chosen, coveringRadius: Double(top).squareRoot())
    }

    @Test(arguments: [(300, 3, 300, 0), (2000, 64, 200, 5), (6000, 16, 600, 123), (5000, 2, 700, 4999)])
    func skippingFarClustersPicksWhatThePlainAlgorithmPicks(n: Int, d: Int, count: Int, start: Int) {
        var g = SeededGenerator(seed: UInt64(n * d))
        // Clustered data, where whole clusters are skipped early, plus exact duplicates.
        let centres = (0..<20).map { _ in (0..<d).map { _ in g.nextGaussian() * 5 } }
        var elements: [Float] = []
        for i in 0..<n {
            if i % 97 == 1 { elements += elements[((i - 1) * d)..<(i * d)]; continue }
            let c = centres[g.nextInt(below: 20)]
            elements += c.map { Float($0 + g.nextGaussian()) }
        }
        let points = Matrix(rows: n, columns: d, elements: elements)
        let fast = KCenterGreedy.select(points, count: count, start: start)
        let plain = Self.plainSelect(points, count: count, start: start)
        #expect(fast.indices == plain.indices)
        #expect(fast.coveringRadius == plain.coveringRadius)
    }
}
