extension NPY {
    /// Data starts at a multiple of this many bytes, as NumPy ≥ 1.17 writes it.
    static let alignment = 64
    /// NumPy leaves room for the growing axis to reach 21 digits so a file can be appended in place.
    static let growthAxisMaxDigits = 21

    /// Encodes `array` as the bytes of a `.npy` file, exactly as `numpy.save` writes it.
    ///
    /// Multi-byte elements are written little-endian (`<f4`, `<f8`, …) in C order.
    /// Format version 1.0 is used unless the header exceeds 65535 bytes, then 2.0.
    /// - Throws: ``ArrayFormatError/shapeMismatch(source:shape:count:)`` if the shape
    ///   does not describe exactly `array.count` elements.
    /// - Complexity: O(n) in the number of elements.
    public static func encode(_ array: NPYArray) throws(ArrayFormatError) -> [UInt8] {
        try encode(array, source: "array")
    }

    /// Writes `array` to a `.npy` file at `path`, atomically.
    ///
    /// Readers of `path` see either the old file or the complete new one, never a partial write.
    public static func write(_ array: NPYArray, to path: String) throws(ArrayFormatError) {
        try AtomicFile.write(try encode(array, source: path), to: path)
    }

    static func encode(_ array: NPYArray, source: String) throws(ArrayFormatError) -> [UInt8] {
        var expected = 1
        for dim in array.shape {
            let (product, overflow) = expected.multipliedReportingOverflow(by: dim)
            guard dim >= 0, !overflow else {
                throw .shapeMismatch(source: source, shape: array.shape, count: array.count)
            }
            expected = product
        }
        guard expected == array.count else {
            throw .shapeMismatch(source: source, shape: array.shape, count: array.count)
        }
        let header = headerBytes(descr: array.dtype.descr, shape: array.shape)
        // Every platform Swift supports here is little-endian, so memory order is file order.
        switch array.storage {
        case let .bool(v): return concatenate(header, v.map { $0 ? UInt8(1) : 0 })
        case let .int8(v): return concatenate(header, v)
        case let .uint8(v): return concatenate(header, v)
        case let .int16(v): return concatenate(header, v)
        case let .uint16(v): return concatenate(header, v)
        case let .int32(v): return concatenate(header, v)
        case let .uint32(v): return concatenate(header, v)
        case let .int64(v): return concatenate(header, v)
        case let .uint64(v): return concatenate(header, v)
        case let .float32(v): return concatenate(header, v)
        case let .float64(v): return concatenate(header, v)
        }
    }

    /// The magic string, version, header length and padded header dictionary.
    static func headerBytes(descr: String, shape: [Int]) -> [UInt8] {
        let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var dictionary = "{'descr': '\(descr)', 'fortran_order': False, 'shape': \(shapeText), }"
        if let first = shape.first {
            dictionary += String(repeating: " ", count: max(0, growthAxisMaxDigits - String(first).count))
        }
        let text = Array(dictionary.utf8)
        // Mirrors numpy.lib.format._wrap_header: the padding is never zero, always 1...64 spaces.
        for (version, lengthBytes) in [(UInt8(1), 2), (2, 4)] {
            let prefix = magic.count + 2 + lengthBytes
            let headerLength = text.count + 1
            let padding = alignment - (prefix + headerLength) % alignment
            let total = headerLength + padding
            if lengthBytes == 2 && total > Int(UInt16.max) { continue }
            var out = magic + [version, 0]
            for i in 0..<lengthBytes { out.append(UInt8(truncatingIfNeeded: total >> (8 * i))) }
            out += text
            out += [UInt8](repeating: 0x20, count: padding)
            out.append(0x0A)
            return out
        }
        return []  // Unreachable: a version 2.0 length field holds any header that fits in memory.
    }

    /// The header followed by the elements' bytes, copied in bulk rather than byte by byte.
    private static func concatenate<T: BitwiseCopyable>(_ header: [UInt8], _ values: [T]) -> [UInt8] {
        let bodyCount = values.count * MemoryLayout<T>.stride
        return [UInt8](unsafeUninitializedCapacity: header.count + bodyCount) { buffer, initialized in
            let target = UnsafeMutableRawBufferPointer(buffer)
            header.withUnsafeBytes { target.copyMemory(from: $0) }
            values.withUnsafeBytes {
                UnsafeMutableRawBufferPointer(rebasing: target[header.count...]).copyMemory(from: $0)
            }
            initialized = header.count + bodyCount
        }
    }
}
