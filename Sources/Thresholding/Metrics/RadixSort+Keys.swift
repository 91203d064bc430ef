/// LSD radix sorts of integer keys that already order as their values, for the pixel metrics.
extension RadixSort {
    /// The order-preserving key of a Float: unsigned order of keys is numeric order.
    ///
    /// As for doubles, negatives have every bit flipped and positives gain the sign
    /// bit. −0.0 and +0.0 get different keys, so callers map −0.0 to +0.0 first.
    @inline(__always)
    static func key(_ value: Float) -> UInt32 {
        let bits = value.bitPattern
        let negativeMask = UInt32(bitPattern: Int32(bitPattern: bits) >> 31)
        return bits ^ (negativeMask | 0x8000_0000)
    }

    /// Inverts ``key(_:)-(Float)``.
    @inline(__always)
    static func float(fromKey key: UInt32) -> Float {
        let wasNegativeMask = (key >> 31) &- 1
        return Float(bitPattern: key ^ (wasNegativeMask | 0x8000_0000))
    }

    /// Sorts `keys` ascending by the `digits` 8-bit digits that start at bit `lowestBit`.
    ///
    /// Stable, so bits below `lowestBit` (a tag such as a region index) travel with
    /// their key without taking part in the order. A digit every key shares is skipped.
    /// - Complexity: O(n·digits) time and n extra keys of memory.
    static func sortKeys<Key: FixedWidthInteger & UnsignedInteger>(
        _ keys: UnsafeMutableBufferPointer<Key>, lowestBit: Int, digits: Int
    ) {
        let n = keys.count
        guard n > 1 else { return }
        if n < smallCount {
            // Sorting whole keys also sorts by the digits that matter.
            var small = keys
            small.sort()
            return
        }
        let histograms = UnsafeMutableBufferPointer<Int>.allocate(capacity: digits * radix)
        histograms.initialize(repeating: 0)
        defer { histograms.deallocate() }
        let scratch = UnsafeMutableBufferPointer<Key>.allocate(capacity: n)
        defer { scratch.deallocate() }
        let mask = Key(radix - 1)
        for i in 0..<n {
            let k = keys[i]
            for p in 0..<digits {
                histograms[p &* radix &+ Int(truncatingIfNeeded: (k >> (lowestBit &+ 8 &* p)) & mask)] &+= 1
            }
        }
        var source = keys
        var destination = scratch
        for p in 0..<digits {
            let shift = lowestBit + 8 * p
            let counts = UnsafeMutableBufferPointer(rebasing: histograms[(p * radix)..<((p + 1) * radix)])
            if counts[Int(truncatingIfNeeded: (source[0] >> shift) & mask)] == n { continue }
            var offset = 0
            for d in 0..<radix {
                let c = counts[d]
                counts[d] = offset
                offset &+= c
            }
            for i in 0..<n {
                let k = source[i]
                let d = Int(truncatingIfNeeded: (k >> shift) & mask)
                destination[counts[d]] = k
                counts[d] &+= 1
            }
            swap(&source, &destination)
        }
        if source.baseAddress != keys.baseAddress {
            _ = keys.update(fromContentsOf: source)
        }
    }
}
