/// Reads a DEFLATE bit stream least-significant bit first, 56+ bits at a time.
///
/// Past the end of the input it supplies zero bytes and counts them, so the hot
/// decoding loop needs no end-of-input test per symbol; the next refill or the
/// end of the stream reports ``DeflateError/truncated`` once any of those
/// phantom bits has actually been consumed.
struct BitReader {
    let base: UnsafePointer<UInt8>
    let count: Int
    /// Index of the next input byte not yet in `buffer`.
    var position = 0
    /// Unconsumed bits, lowest first; bits above `bitCount` are either zero or the true next input bits.
    var buffer: UInt64 = 0
    var bitCount = 0
    /// Zero bytes supplied past the end of the input.
    var phantomBytes = 0

    init(base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    /// Tops the buffer up to at least 56 bits.
    @inline(__always)
    mutating func refill() throws(DeflateError) {
        if position &+ 8 <= count {
            // Branch-free refill: load 8 bytes, keep the whole bytes that fit.
            let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
            buffer |= word &<< UInt64(bitCount)
            let taken = (63 &- bitCount) &>> 3
            position &+= taken
            bitCount &+= taken &<< 3
        } else {
            try refillNearEnd()
        }
    }

    @inline(never)
    private mutating func refillNearEnd() throws(DeflateError) {
        if bitCount < phantomBytes &* 8 { throw .truncated }
        while bitCount <= 56 {
            if position < count {
                buffer |= UInt64(base[position]) &<< UInt64(bitCount)
                position &+= 1
            } else {
                phantomBytes &+= 1
            }
            bitCount &+= 8
        }
    }

    /// Removes and returns the next `n` bits (n ≤ bitCount, n < 32).
    @inline(__always)
    mutating func take(_ n: Int) -> Int {
        let value = Int(truncatingIfNeeded: buffer & ((1 &<< UInt64(n)) &- 1))
        buffer &>>= UInt64(n)
        bitCount &-= n
        return value
    }

    /// Drops `n` bits already examined.
    @inline(__always)
    mutating func skip(_ n: Int) {
        buffer &>>= UInt64(n)
        bitCount &-= n
    }

    /// Reads `n` bits (n ≤ 32), refilling first if needed.
    mutating func read(_ n: Int) throws(DeflateError) -> Int {
        if bitCount < n { try refill() }
        return take(n)
    }

    /// Discards the bits up to the next byte boundary and hands the whole unread
    /// bytes back to the input, leaving the buffer empty.
    ///
    /// - Returns: The index of the first unread input byte.
    /// - Throws: ``DeflateError/truncated`` if phantom bits past the end were consumed.
    mutating func alignToByte() throws(DeflateError) -> Int {
        let realBits = bitCount - phantomBytes * 8
        guard realBits >= 0 else { throw .truncated }
        position -= realBits >> 3
        buffer = 0
        bitCount = 0
        phantomBytes = 0
        return position
    }
}
