/// An n-dimensional NumPy array: a shape and its elements in row-major order.
///
/// A 0-d array (a NumPy scalar) has `shape == []` and one element. Arrays read
/// from Fortran-order files are already transposed into row-major order.
public struct NPYArray: Sendable, Hashable {
    /// The size of each dimension, outermost first.
    public var shape: [Int]
    /// The elements in row-major order and their native type.
    public var storage: NPYStorage

    /// Wraps elements and a shape; the writer checks that they agree.
    public init(shape: [Int], storage: NPYStorage) {
        self.shape = shape
        self.storage = storage
    }

    /// A 1-D float32 array.
    public init(_ values: [Float]) {
        self.init(shape: [values.count], storage: .float32(values))
    }

    /// A 1-D float64 array.
    public init(_ values: [Double]) {
        self.init(shape: [values.count], storage: .float64(values))
    }

    /// A `rows × columns` float32 matrix from row-major `values`.
    public init(rows: Int, columns: Int, values: [Float]) {
        self.init(shape: [rows, columns], storage: .float32(values))
    }

    /// A `rows × columns` float64 matrix from row-major `values`.
    public init(rows: Int, columns: Int, values: [Double]) {
        self.init(shape: [rows, columns], storage: .float64(values))
    }

    /// The number of elements actually stored.
    public var count: Int { storage.count }

    /// The element type, as it would be written.
    public var dtype: NPYDType { storage.dtype }

    /// The elements converted to `Double` (booleans become 0 and 1).
    ///
    /// 64-bit integers beyond ±2^53 lose precision, as they do in NumPy.
    /// - Complexity: O(n); a float64 array is returned without conversion.
    public func doubles() -> [Double] { converted(to: Double.self) }

    /// The elements converted to `Float`, rounding to nearest.
    ///
    /// - Complexity: O(n); a float32 array is returned without conversion.
    public func floats() -> [Float] { converted(to: Float.self) }

    /// The elements as `T`, rounded to nearest; an array already of `T` is returned as it is.
    private func converted<T: BinaryFloatingPoint>(to _: T.Type) -> [T] {
        switch storage {
        case let .bool(v): return v.map { $0 ? 1 : 0 }
        case let .int8(v): return v.map { T($0) }
        case let .uint8(v): return v.map { T($0) }
        case let .int16(v): return v.map { T($0) }
        case let .uint16(v): return v.map { T($0) }
        case let .int32(v): return v.map { T($0) }
        case let .uint32(v): return v.map { T($0) }
        case let .int64(v): return v.map { T($0) }
        case let .uint64(v): return v.map { T($0) }
        case let .float32(v): return v as? [T] ?? v.map { T($0) }
        case let .float64(v): return v as? [T] ?? v.map { T($0) }
        }
    }
}
