/// Reads entropy-coded bits the way libjpeg does.
///
/// Stuffed `FF 00` pairs become `FF` data bytes. At a marker (the end of the file reads as a
/// fake EOI, see ``JPEGMarkerScanner/byte(_:_:)``) reading stops and zero bits are supplied instead; the
/// shortfall is flagged only when such a zero bit is actually consumed, which is when
/// libjpeg raises "premature end of data segment" and stops decoding the segment.
struct JPEGBitReader {
    let data: UnsafeBufferPointer<UInt8>
    /// Next unread byte.
    var position: Int
    /// Valid bits, right-aligned in `bits`.
    var bits: UInt64 = 0
    var count = 0
    /// How many of the low `count` bits are fake zeros.
    var padding = 0
    /// The marker that stopped reading, not yet consumed; 0 when none.
    var marker: UInt8 = 0
    /// Bits past the segment's end were consumed (libjpeg's `insufficient_data`).
    var insufficient = false
    /// Codes longer than 16 bits met so far.
    var badCodes = 0

    init(data: UnsafeBufferPointer<UInt8>, position: Int) {
        self.data = data
        self.position = position
    }

    /// Tops the buffer up to at least 57 bits, with real bytes while there are any.
    @inline(never)
    mutating func fill() {
        // Plain data bytes are by far the most common; stuffing, markers and the end go slowly.
        while count <= 56, marker == 0, position < data.count, data[position] != 0xFF {
            bits = (bits << 8) | UInt64(data[position])
            position += 1
            count += 8
        }
        if count <= 56 { fillSlow() }
    }

    private mutating func fillSlow() {
        while count <= 56 {
            if marker == 0 {
                let byte = JPEGMarkerScanner.byte(data, position)
                position += 1
                if byte == 0xFF {
                    // Any run of FF fill bytes, then 00 (a data FF) or a marker code.
                    var next: UInt8 = 0xFF
                    while next == 0xFF {
                        next = JPEGMarkerScanner.byte(data, position)
                        position += 1
                    }
                    if next != 0 {
                        marker = next
                        continue
                    }
                }
                bits = (bits << 8) | UInt64(byte)
                count += 8
            } else {
                let add = 64 - count
                bits = add >= 64 ? 0 : bits << UInt64(add)
                count = 64
                padding += add
            }
        }
    }

    /// The file ended inside entropy-coded data (libjpeg then read its fake EOI).
    var reachedEndOfFile: Bool { position > data.count }

    /// Guarantees 32 bits: enough for one Huffman code (≤ 17 bits) and its extra bits (≤ 15).
    @inline(__always)
    mutating func ensure32() {
        if count < 32 { fill() }
    }

    @inline(__always)
    mutating func consume(_ n: Int) {
        count -= n
        if count < padding {
            padding = count
            insufficient = true
        }
    }

    /// The next `n` bits (0...16) as an unsigned value.
    @inline(__always)
    mutating func receive(_ n: Int) -> Int {
        if count < n { fill() }
        return take(n)
    }

    /// The next `n` bits (0...16) without checking the buffer; call ``ensure32()`` first.
    @inline(__always)
    mutating func take(_ n: Int) -> Int {
        let v = Int(truncatingIfNeeded: bits >> UInt64(truncatingIfNeeded: count &- n)) & ((1 &<< n) &- 1)
        consume(n)
        return v
    }

    /// The next `n` bits (1...15) as a signed coefficient (T.81 EXTEND), without checking the buffer.
    @inline(__always)
    mutating func takeExtended(_ n: Int) -> Int {
        let v = take(n)
        return v < (1 &<< (n &- 1)) ? v &- (1 &<< n) &+ 1 : v
    }

    /// The next `n` bits (1...15) as a signed coefficient (T.81 EXTEND).
    @inline(__always)
    mutating func receiveExtended(_ n: Int) -> Int {
        if count < n { fill() }
        return takeExtended(n)
    }

    /// Decodes one Huffman symbol with a table laid out as ``JPEGHuffmanTable/entries``.
    @inline(__always)
    mutating func decode(_ table: UnsafePointer<Int32>) -> Int {
        if count < 17 { fill() }
        return decodeUnchecked(table)
    }

    /// ``decode(_:)`` for a buffer already holding at least 17 bits.
    @inline(__always)
    mutating func decodeUnchecked(_ table: UnsafePointer<Int32>) -> Int {
        let look = Int(truncatingIfNeeded: bits >> UInt64(truncatingIfNeeded: count &- JPEGHuffmanTable.lookaheadBits))
            & ((1 << JPEGHuffmanTable.lookaheadBits) - 1)
        let entry = Int(table[look])
        if entry != 0 {
            consume(entry >> 8)
            return entry & 0xFF
        }
        return decodeLong(table)
    }

    /// Codes longer than the lookahead; a code past 16 bits costs 17 bits and yields symbol 0, as in libjpeg.
    @inline(never)
    mutating func decodeLong(_ table: UnsafePointer<Int32>) -> Int {
        let window = Int(truncatingIfNeeded: bits >> UInt64(count - 17)) & 0x1FFFF
        var length = JPEGHuffmanTable.lookaheadBits + 1
        while length <= 16 {
            let code = window >> (17 - length)
            if code <= Int(table[JPEGHuffmanTable.maxCodeOffset + length]) {
                consume(length)
                let index = (code + Int(table[JPEGHuffmanTable.valueOffsetOffset + length])) & 0xFF
                return Int(table[JPEGHuffmanTable.valuesOffset + index])
            }
            length += 1
        }
        consume(17)
        badCodes += 1
        return 0
    }

    /// Drops the buffered bits at the end of a segment and returns how many whole real bytes were unused.
    mutating func discardBuffer() -> Int {
        let unused = max(0, count - padding) / 8
        bits = 0
        count = 0
        padding = 0
        return unused
    }
}
