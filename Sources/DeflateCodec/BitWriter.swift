/// Writes a DEFLATE bit stream, least-significant bit first.
struct BitWriter {
    private(set) var bytes: [UInt8] = []
    private var buffer: UInt64 = 0
    private var bitCount = 0

    init(reservingCapacity capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Appends the low `count` bits of `value` (count ≤ 32).
    @inline(__always)
    mutating func write(_ value: UInt32, count: Int) {
        buffer |= UInt64(value) &<< UInt64(bitCount)
        bitCount &+= count
        if bitCount >= 32 {
            let word = UInt32(truncatingIfNeeded: buffer)
            bytes.append(UInt8(truncatingIfNeeded: word))
            bytes.append(UInt8(truncatingIfNeeded: word &>> 8))
            bytes.append(UInt8(truncatingIfNeeded: word &>> 16))
            bytes.append(UInt8(truncatingIfNeeded: word &>> 24))
            buffer &>>= 32
            bitCount &-= 32
        }
    }

    /// Pads with zero bits to the next byte boundary and flushes every whole byte.
    mutating func alignToByte() {
        bitCount = (bitCount + 7) & ~7
        while bitCount > 0 {
            bytes.append(UInt8(truncatingIfNeeded: buffer))
            buffer >>= 8
            bitCount -= 8
        }
    }

    /// Appends raw bytes; the writer must be byte aligned.
    mutating func appendAligned(_ raw: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: raw)
    }

    /// The number of bits written so far.
    var bitPosition: Int { bytes.count * 8 + bitCount }
}
