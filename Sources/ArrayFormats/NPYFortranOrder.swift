extension NPYStorage {
    /// Reorders elements stored column-major (Fortran order) into row-major order.
    ///
    /// - Complexity: O(n) time and one extra copy of the elements.
    func rowMajor(fromColumnMajor shape: [Int]) -> NPYStorage {
        switch self {
        case let .bool(v): return .bool(reorder(v, shape))
        case let .int8(v): return .int8(reorder(v, shape))
        case let .uint8(v): return .uint8(reorder(v, shape))
        case let .int16(v): return .int16(reorder(v, shape))
        case let .uint16(v): return .uint16(reorder(v, shape))
        case let .int32(v): return .int32(reorder(v, shape))
        case let .uint32(v): return .uint32(reorder(v, shape))
        case let .int64(v): return .int64(reorder(v, shape))
        case let .uint64(v): return .uint64(reorder(v, shape))
        case let .float32(v): return .float32(reorder(v, shape))
        case let .float64(v): return .float64(reorder(v, shape))
        }
    }
}

/// Walks the row-major positions in order while tracking the matching
/// column-major offset, so any number of dimensions costs O(1) per element.
private func reorder<T>(_ values: [T], _ shape: [Int]) -> [T] {
    guard shape.count > 1, !values.isEmpty, values.count == shape.reduce(1, *) else { return values }
    // In column-major order the first axis varies fastest.
    var strides = [Int](repeating: 1, count: shape.count)
    for axis in 1..<shape.count { strides[axis] = strides[axis - 1] * shape[axis - 1] }
    var index = [Int](repeating: 0, count: shape.count)
    var offset = 0
    var out: [T] = []
    out.reserveCapacity(values.count)
    for _ in 0..<values.count {
        out.append(values[offset])
        var axis = shape.count - 1
        while axis >= 0 {
            index[axis] += 1
            offset += strides[axis]
            if index[axis] < shape[axis] { break }
            offset -= strides[axis] * shape[axis]
            index[axis] = 0
            axis -= 1
        }
    }
    return out
}
