import Foundation

/// Reads and writes NumPy `.npy` files (format versions 1.0, 2.0 and 3.0).
///
/// See <https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html>.
public enum NPY {
    /// The six bytes every `.npy` file starts with.
    static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]

    /// Reads the array stored in the `.npy` file at `path`.
    ///
    /// The file is read with one copy and decoded with one bulk copy, so a
    /// 40000 × 1280 float32 matrix briefly needs twice its 200 MB.
    /// - Complexity: O(n) in the file size.
    public static func read(path: String) throws(ArrayFormatError) -> NPYArray {
        try decode(readFileBytes(path: path), source: path)
    }

    /// Decodes the bytes of a `.npy` file; `source` names them in errors.
    ///
    /// - Complexity: O(n) in the number of bytes.
    public static func decode(_ bytes: [UInt8], source: String) throws(ArrayFormatError) -> NPYArray {
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(ArrayFormatError) in try decode(raw, source: source) }
        }
        return try result.get()
    }

    static func decode(_ raw: UnsafeRawBufferPointer, source: String) throws(ArrayFormatError) -> NPYArray {
        guard raw.count >= 8, raw.prefix(6).elementsEqual(magic) else { throw .badMagic(source: source) }
        let major = raw[6], minor = raw[7]
        let lengthBytes: Int
        switch (major, minor) {
        case (1, 0): lengthBytes = 2
        case (2, 0), (3, 0): lengthBytes = 4
        default: throw .unsupportedVersion(source: source, major: major, minor: minor)
        }
        let headerStart = 8 + lengthBytes
        guard raw.count >= headerStart else {
            throw .truncatedData(source: source, expectedBytes: headerStart, actualBytes: raw.count)
        }
        var headerLength = 0
        for i in (0..<lengthBytes).reversed() { headerLength = headerLength << 8 | Int(raw[8 + i]) }
        let dataStart = headerStart + headerLength
        guard raw.count >= dataStart else {
            throw .truncatedData(source: source, expectedBytes: dataStart, actualBytes: raw.count)
        }
        let headerBytes = UnsafeRawBufferPointer(rebasing: raw[headerStart..<dataStart])
        // Versions 1 and 2 store the header as latin-1, version 3 as UTF-8.
        let headerText = major == 3
            ? String(decoding: headerBytes, as: UTF8.self)
            : String(String.UnicodeScalarView(headerBytes.map { Unicode.Scalar($0) }))
        let header = try NPYHeader.parse(headerText, source: source)

        guard let dtype = NPYDType(descr: header.descr) else {
            throw .unsupportedDType(source: source, descr: header.descr)
        }
        var count = 1
        for dim in header.shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: dim)
            guard !overflow else {
                throw .malformedHeader(source: source, header: headerText, reason: "the shape is too large")
            }
            count = product
        }
        let (byteCount, overflow) = count.multipliedReportingOverflow(by: dtype.size)
        guard !overflow else {
            throw .malformedHeader(source: source, header: headerText, reason: "the shape is too large")
        }
        let available = raw.count - dataStart
        guard available >= byteCount else {
            throw .truncatedData(source: source, expectedBytes: byteCount, actualBytes: available)
        }
        let body = UnsafeRawBufferPointer(rebasing: raw[dataStart..<dataStart + byteCount])
        var storage = decodeStorage(body, dtype: dtype, count: count)
        if header.fortranOrder && header.shape.count > 1 {
            storage = storage.rowMajor(fromColumnMajor: header.shape)
        }
        return NPYArray(shape: header.shape, storage: storage)
    }

    private static func decodeStorage(_ body: UnsafeRawBufferPointer, dtype: NPYDType, count: Int) -> NPYStorage {
        let swap = dtype.isBigEndian
        switch (dtype.kind, dtype.size) {
        case (.bool, _): return .bool(copyElements(body, count: count, as: UInt8.self).map { $0 != 0 })
        case (.signed, 1): return .int8(copyElements(body, count: count, as: Int8.self))
        case (.unsigned, 1): return .uint8(copyElements(body, count: count, as: UInt8.self))
        case (.signed, 2): return .int16(integers(body, count: count, swap: swap))
        case (.unsigned, 2): return .uint16(integers(body, count: count, swap: swap))
        case (.signed, 4): return .int32(integers(body, count: count, swap: swap))
        case (.unsigned, 4): return .uint32(integers(body, count: count, swap: swap))
        case (.signed, _): return .int64(integers(body, count: count, swap: swap))
        case (.unsigned, _): return .uint64(integers(body, count: count, swap: swap))
        case (.float, 4):
            guard swap else { return .float32(copyElements(body, count: count, as: Float.self)) }
            let bits: [UInt32] = integers(body, count: count, swap: true)
            return .float32(bits.map(Float.init(bitPattern:)))
        case (.float, _):
            guard swap else { return .float64(copyElements(body, count: count, as: Double.self)) }
            let bits: [UInt64] = integers(body, count: count, swap: true)
            return .float64(bits.map(Double.init(bitPattern:)))
        }
    }

    /// Copies `count` elements out of `body` in one `memcpy`; `body` need not be aligned.
    private static func copyElements<T: BitwiseCopyable>(_ body: UnsafeRawBufferPointer, count: Int, as: T.Type) -> [T] {
        [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let bytes = UnsafeMutableRawBufferPointer(buffer)
            if let source = body.baseAddress, let target = bytes.baseAddress {
                target.copyMemory(from: source, byteCount: count * MemoryLayout<T>.stride)
            }
            initialized = count
        }
    }

    /// Copies integers, reversing their bytes only when the file is big-endian.
    private static func integers<T: FixedWidthInteger & BitwiseCopyable>(
        _ body: UnsafeRawBufferPointer, count: Int, swap: Bool
    ) -> [T] {
        var values = copyElements(body, count: count, as: T.self)
        if swap {
            values.withUnsafeMutableBufferPointer { buffer in
                for i in buffer.indices { buffer[i] = buffer[i].byteSwapped }
            }
        }
        return values
    }
}
