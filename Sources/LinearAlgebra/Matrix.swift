/// A dense, row-major matrix of `Float` or `Double` values.
///
/// Rows are samples and columns are features throughout ThresholdKit, so a
/// data set of N samples in D dimensions is an N×D `Matrix<Float>`.
public struct Matrix<Scalar: MatrixScalar>: Sendable, Hashable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// The elements, row after row: element (i, j) is `elements[i * columns + j]`.
    public var elements: [Scalar]

    /// Wraps row-major elements; `elements.count` must equal `rows * columns`.
    public init(rows: Int, columns: Int, elements: [Scalar]) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        precondition(elements.count == rows * columns, "\(elements.count) elements for a \(rows)×\(columns) matrix")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// A matrix with every element equal to `value` (zero by default).
    public init(rows: Int, columns: Int, repeating value: Scalar = 0) {
        self.init(rows: rows, columns: columns, elements: Array(repeating: value, count: rows * columns))
    }

    /// A matrix from equally long rows.
    public init(rowArrays: [[Scalar]]) {
        let columns = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == columns }, "rows have different lengths")
        self.init(rows: rowArrays.count, columns: columns, elements: rowArrays.flatMap { $0 })
    }

    /// The n×n identity.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m[i, i] = 1 }
        return m
    }

    /// Element (row, column).
    @inlinable
    public subscript(row: Int, column: Int) -> Scalar {
        get { elements[row * columns + column] }
        set { elements[row * columns + column] = newValue }
    }

    /// A copy of one row.
    public func row(_ i: Int) -> [Scalar] {
        Array(elements[(i * columns)..<((i + 1) * columns)])
    }

    /// A copy of one column.
    public func column(_ j: Int) -> [Scalar] {
        (0..<rows).map { self[$0, j] }
    }

    /// The rows at `indices`, in that order.
    /// - Complexity: O(indices.count × columns).
    public func selectingRows(_ indices: [Int]) -> Matrix {
        var out: [Scalar] = []
        out.reserveCapacity(indices.count * columns)
        for i in indices { out.append(contentsOf: elements[(i * columns)..<((i + 1) * columns)]) }
        return Matrix(rows: indices.count, columns: columns, elements: out)
    }

    /// The transpose, as a new row-major matrix.
    /// - Complexity: O(rows × columns), blocked so both sides stay in cache.
    public var transposed: Matrix {
        var out = [Scalar](repeating: 0, count: elements.count)
        let (r, c) = (rows, columns)
        elements.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                let tile = 32
                for i0 in stride(from: 0, to: r, by: tile) {
                    for j0 in stride(from: 0, to: c, by: tile) {
                        for i in i0..<min(i0 + tile, r) {
                            for j in j0..<min(j0 + tile, c) { dst[j * r + i] = src[i * c + j] }
                        }
                    }
                }
            }
        }
        return Matrix(rows: c, columns: r, elements: out)
    }

    /// Whether every element is finite (no NaN or ±infinity).
    public var isFinite: Bool { elements.allSatisfy { $0.isFinite } }
}

extension Matrix where Scalar == Double {
    /// A `Double` copy of a `Float` matrix (exact).
    public init(_ other: Matrix<Float>) {
        self.init(rows: other.rows, columns: other.columns, elements: other.elements.map { Double($0) })
    }
}

extension Matrix where Scalar == Float {
    /// A `Float` copy of a `Double` matrix, rounding to nearest.
    public init(_ other: Matrix<Double>) {
        self.init(rows: other.rows, columns: other.columns, elements: other.elements.map { Float($0) })
    }
}
