import LinearAlgebra
import Randomness
@testable import Scoring
import Testing

struct NearestNeighborsTests {
    static func gaussian(_ rows: Int, _ columns: Int, seed: UInt64, scale: Double = 1, shift: Double = 0) -> Matrix<Float> {
        var g = SeededGenerator(seed: seed)
        return Matrix(rows: rows, columns: columns, elements: (0..<(rows * columns)).map { _ in Float(shift + scale * g.nextGaussian()) })
    }

    /// Exact squared distances in Double.
    static func bruteForce(_ q: Matrix<Float>, _ bank: Matrix<Float>) -> [[Double]] {
        (0..<q.rows).map { i in
            (0..<bank.rows).map { j in
                (0..<q.columns).reduce(0.0) { s, k in
                    let t = Double(q[i, k]) - Double(bank[j, k])
                    return s + t * t
                }
            }
        }
    }

    @Test(arguments: [(1, 1, 1), (37, 3, 5), (300, 129, 17), (1000, 257, 152), (5, 600, 33), (64, 1, 8)])
    func distancesAndIndicesMatchBruteForceForEveryBlockSize(queries: Int, bankRows: Int, dimension: Int) throws {
        let bank = Self.gaussian(bankRows, dimension, seed: UInt64(bankRows * 7 + dimension))
        let q = Self.gaussian(queries, dimension, seed: UInt64(queries), scale: 1.3, shift: 0.2)
        let exact = Self.bruteForce(q, bank)
        let search = NearestNeighbors(bank: bank)
        for block in [1, 7, 64, 512, 4096] {
            let result = search.nearest(q, blockRows: block, withIndices: true)
            let plain = search.nearest(q, blockRows: block)
            #expect(plain.indices == nil)
            #expect(plain.distances == result.distances, "the index bookkeeping must not change distances (block \(block))")
            let indices = try #require(result.indices)
            for i in 0..<queries {
                let best = exact[i].min()!
                let got = Double(result.distances[i])
                // float32 ‖a‖² − 2a·b + ‖b‖² loses a few ulps of the squared norms (about 2.7·d here).
                let tolerance = 4e-5 * Double(dimension)
                #expect(abs(got * got - best) <= tolerance, "query \(i), block \(block): \(got)² vs \(best)")
                // The chosen row is (within rounding) a nearest one.
                #expect(exact[i][Int(indices[i])] <= best + 2 * tolerance, "query \(i), block \(block)")
            }
        }
    }

    @Test func identicalQueriesAreAtDistanceZeroAndFindTheirRow() {
        let bank = Self.gaussian(50, 12, seed: 3)
        let result = NearestNeighbors(bank: bank).nearest(bank, blockRows: 16, withIndices: true)
        #expect(result.indices == (0..<50).map { Int32($0) })
        #expect(result.distances.allSatisfy { $0 >= 0 && $0 < 0.02 })
    }

    @Test func handComputedDistances() {
        let bank = Matrix<Float>(rowArrays: [[0, 0], [3, 4], [-1, 0]])
        let q = Matrix<Float>(rowArrays: [[3, 0], [6, 8], [-1, 0.5]])
        let r = NearestNeighbors(bank: bank).nearest(q, blockRows: 2, withIndices: true)
        #expect(r.indices == [0, 1, 2])
        #expect(r.distances == [3, 5, 0.5])
    }

    @Test func emptyQueriesGiveEmptyResults() {
        let r = NearestNeighbors(bank: Self.gaussian(4, 3, seed: 1)).nearest(Matrix(rows: 0, columns: 3), withIndices: true)
        #expect(r.distances.isEmpty && r.indices == [])
    }

    @Test func progressReachesTheQueryCount() {
        var reports: [Int] = []
        _ = NearestNeighbors(bank: Self.gaussian(9, 4, seed: 1)).nearest(Self.gaussian(25, 4, seed: 2), blockRows: 10) { done, total in
            #expect(total == 25)
            reports.append(done)
        }
        #expect(reports == [10, 20, 25])
    }
}
