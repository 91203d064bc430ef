/// The elements of an ``NPYArray`` in their native type, in row-major (C) order.
///
/// Keeping the file's own element type avoids doubling the memory of large
/// float32 matrices; convert with ``NPYArray/doubles()`` or ``NPYArray/floats()``.
public enum NPYStorage: Sendable, Hashable {
    /// `|b1`: one byte per element, nonzero is `true`.
    case bool([Bool])
    /// `|i1`.
    case int8([Int8])
    /// `|u1`.
    case uint8([UInt8])
    /// `<i2` or `>i2`.
    case int16([Int16])
    /// `<u2` or `>u2`.
    case uint16([UInt16])
    /// `<i4` or `>i4`.
    case int32([Int32])
    /// `<u4` or `>u4`.
    case uint32([UInt32])
    /// `<i8` or `>i8`.
    case int64([Int64])
    /// `<u8` or `>u8`.
    case uint64([UInt64])
    /// `<f4` or `>f4`.
    case float32([Float])
    /// `<f8` or `>f8`.
    case float64([Double])

    /// The number of elements.
    public var count: Int {
        switch self {
        case let .bool(v): return v.count
        case let .int8(v): return v.count
        case let .uint8(v): return v.count
        case let .int16(v): return v.count
        case let .uint16(v): return v.count
        case let .int32(v): return v.count
        case let .uint32(v): return v.count
        case let .int64(v): return v.count
        case let .uint64(v): return v.count
        case let .float32(v): return v.count
        case let .float64(v): return v.count
        }
    }

    /// The element type, as written in a little-endian `.npy` header.
    public var dtype: NPYDType {
        switch self {
        case .bool: return NPYDType(kind: .bool, size: 1)
        case .int8: return NPYDType(kind: .signed, size: 1)
        case .uint8: return NPYDType(kind: .unsigned, size: 1)
        case .int16: return NPYDType(kind: .signed, size: 2)
        case .uint16: return NPYDType(kind: .unsigned, size: 2)
        case .int32: return NPYDType(kind: .signed, size: 4)
        case .uint32: return NPYDType(kind: .unsigned, size: 4)
        case .int64: return NPYDType(kind: .signed, size: 8)
        case .uint64: return NPYDType(kind: .unsigned, size: 8)
        case .float32: return NPYDType(kind: .float, size: 4)
        case .float64: return NPYDType(kind: .float, size: 8)
        }
    }
}
