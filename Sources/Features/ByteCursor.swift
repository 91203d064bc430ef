/// A bounds-checked little-endian reader over a byte array.
///
/// Every read returns `nil` past the end instead of trapping, so parsers of
/// untrusted files turn truncation into their own typed error.
struct ByteCursor {
    let bytes: [UInt8]
    /// The next byte to read.
    var offset: Int
    /// Reads stop here (exclusive); ≤ `bytes.count`.
    let end: Int

    init(_ bytes: [UInt8], offset: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.end = min(max(end ?? bytes.count, 0), bytes.count)
        self.offset = min(max(offset, 0), self.end)
    }

    var remaining: Int { end - offset }
    var isAtEnd: Bool { offset >= end }

    /// The next `count` bytes as a little-endian unsigned integer (count ≤ 8).
    /// - Complexity: O(count).
    mutating func unsigned(_ count: Int) -> UInt64? {
        guard count >= 0, count <= 8, remaining >= count else { return nil }
        var value: UInt64 = 0
        for i in 0..<count { value |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
        offset += count
        return value
    }

    mutating func u8() -> UInt8? { unsigned(1).map { UInt8($0) } }
    mutating func u16() -> Int? { unsigned(2).map { Int($0) } }
    mutating func u32() -> Int? { unsigned(4).map { Int($0) } }
    mutating func i32() -> Int? { unsigned(4).map { Int(Int32(truncatingIfNeeded: $0)) } }
    mutating func i64() -> Int64? { unsigned(8).map { Int64(bitPattern: $0) } }

    /// The next `count` bytes.
    /// - Complexity: O(count).
    mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, remaining >= count else { return nil }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    /// Bytes up to (not including) the next `\n`, which is consumed.
    /// - Complexity: O(line length).
    mutating func line() -> ArraySlice<UInt8>? {
        var i = offset
        while i < end && bytes[i] != 0x0A { i += 1 }
        guard i < end else { return nil }
        defer { offset = i + 1 }
        return bytes[offset..<i]
    }
}
