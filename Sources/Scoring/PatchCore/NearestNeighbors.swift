import LinearAlgebra

/// Exact Euclidean nearest-neighbour search against a fixed bank, through the project's GEMM.
///
/// d(a, b) = √max(0, ‖a‖² − 2a·b + ‖b‖²). Queries go in blocks of `blockRows`: the block's
/// products with every bank row are one matrix product (bank · blockᵀ, both cores), then a
/// pass over it keeps each query's smallest ‖b‖² − 2a·b. Memory is bounded by the block,
/// bank rows × blockRows floats, whatever the number of queries.
///
/// ```swift
/// let search = NearestNeighbors(bank: bank)
/// let result = search.nearest(queries)           // result.distances[i], result.indices?[i]
/// ```
public struct NearestNeighbors: Sendable {
    /// The bank rows, as given.
    public let bank: Matrix<Float>
    /// ‖b‖² per bank row, summed in Double and rounded once.
    let norms: [Float]

    /// Rows per block when the caller does not choose: a 10,000-row bank then needs 10 MB for the block, and the pass after each product costs about 4% of it (measured at 6,000 × 152).
    public static let defaultBlockRows = 256

    /// - Complexity: O(bank rows × dimension).
    public init(bank: Matrix<Float>) {
        self.bank = bank
        norms = Self.squaredNorms(bank.elements, rows: bank.rows, columns: bank.columns)
    }

    /// Each query's nearest bank row: the distance, and its index when `withIndices` (first of equals).
    public struct Result: Sendable, Hashable {
        public var distances: [Float]
        public var indices: [Int32]?
    }

    /// The nearest bank row of every row of `queries`.
    /// - Parameters:
    ///   - blockRows: queries per matrix product, at least 1.
    ///   - withIndices: also return which bank row is nearest.
    ///   - progress: called after each block with (queries done, queries in total).
    /// - Precondition: a non-empty bank of the queries' dimension (programmer errors; the scorer checks them).
    /// - Complexity: O(queries × bank rows × dimension) time, O(bank rows × blockRows) extra memory.
    public func nearest(_ queries: Matrix<Float>, blockRows: Int = defaultBlockRows, withIndices: Bool = false,
                        progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) -> Result {
        precondition(bank.rows > 0 && queries.columns == bank.columns && blockRows > 0, "nearest-neighbour shapes")
        let (q, m, d) = (queries.rows, bank.rows, bank.columns)
        var distances = [Float](repeating: 0, count: q)
        var indices = [Int32](repeating: 0, count: withIndices ? q : 0)
        let queryNorms = Self.squaredNorms(queries.elements, rows: q, columns: d)
        let block = min(blockRows, max(q, 1))
        let products = UnsafeMutablePointer<Float>.allocate(capacity: m * block)
        defer { products.deallocate() }
        queries.elements.withUnsafeBufferPointer { a in
            bank.elements.withUnsafeBufferPointer { b in
                norms.withUnsafeBufferPointer { bn in
                    distances.withUnsafeMutableBufferPointer { dist in
                        indices.withUnsafeMutableBufferPointer { idx in
                            var r0 = 0
                            while r0 < q {
                                let n = min(block, q - r0)
                                // C (m × n) = bank (m × d) · block (n × d)ᵀ.
                                Float._gemm(StridedOperand(base: b.baseAddress!, rowStride: d, columnStride: 1),
                                            StridedOperand(base: a.baseAddress! + r0 * d, rowStride: 1, columnStride: d),
                                            into: products, m: m, n: n, k: d, ldc: n, accumulate: false)
                                Self.reduce(products, bankRows: m, columns: n, bankNorms: bn.baseAddress!,
                                            best: dist.baseAddress! + r0, index: withIndices ? idx.baseAddress! + r0 : nil)
                                for i in r0..<(r0 + n) { dist[i] = max(0, queryNorms[i] + dist[i]).squareRoot() }
                                r0 += n
                                progress(r0, q)
                            }
                        }
                    }
                }
            }
        }
        return Result(distances: distances, indices: withIndices ? indices : nil)
    }

    /// best[j] ← min over bank rows i of ‖bᵢ‖² − 2·C[i, j]; index[j] ← the first i reaching it.
    /// Columns are split over the cores; each bank row is one contiguous, vectorisable pass.
    private static func reduce(_ c: UnsafeMutablePointer<Float>, bankRows m: Int, columns n: Int,
                               bankNorms: UnsafePointer<Float>, best: UnsafeMutablePointer<Float>,
                               index: UnsafeMutablePointer<Int32>?) {
        let chunks = n >= 64 ? Parallel.coreCount : 1
        Parallel.forEach(iterations: chunks) { chunk in
            let j0 = n * chunk / chunks, j1 = n * (chunk + 1) / chunks
            guard j0 < j1 else { return }
            let width = j1 - j0
            let out = best + j0
            for j in 0..<width { out[j] = .infinity }
            if let index {
                let at = index + j0
                for j in 0..<width { at[j] = 0 }
                for i in 0..<m {
                    let row = c + i * n + j0
                    let (norm, label) = (bankNorms[i], Int32(i))
                    for j in 0..<width {
                        let v = norm - 2 * row[j]
                        let closer = v < out[j]
                        out[j] = closer ? v : out[j]
                        at[j] = closer ? label : at[j]
                    }
                }
            } else {
                for i in 0..<m {
                    let row = c + i * n + j0
                    let norm = bankNorms[i]
                    for j in 0..<width {
                        let v = norm - 2 * row[j]
                        out[j] = v < out[j] ? v : out[j]
                    }
                }
            }
        }
    }

    /// Σ x² per row, accumulated in Double.
    static func squaredNorms(_ x: [Float], rows: Int, columns: Int) -> [Float] {
        x.withUnsafeBufferPointer { p in
            (0..<rows).map { r in
                var s = 0.0
                for k in 0..<columns { let v = Double(p[r * columns + k]); s += v * v }
                return Float(s)
            }
        }
    }
}
