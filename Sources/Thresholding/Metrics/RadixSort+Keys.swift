/// The LSD radix sort of unsigned integer keys behind both the score sort and the pixel metrics, and the Float keys.
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

    /// Sorts `keys` ascending by the `digits` digits of ``digitBits`` bits that start at bit `lowestBit`.
    ///
    /// Stable, so bits below `lowestBit` (a tag such as a region index) travel with
    /// their key without taking part in the order. A digit every key shares is skipped
    /// (one read pass builds every digit's histogram: the multiset of keys never changes,
    /// so the counts stay valid while the order does).
    ///
    /// - Parameters:
    ///   - encode: turns each stored value into its key, in the histogram pass
    ///     (``key(_:)-(UInt64)`` for doubles' bit patterns); by default values are their own keys.
    ///   - decode: turns each sorted key back into a value as it is written back; nil leaves keys as they are.
    /// - Complexity: O(n·digits) time and n extra keys of memory.
    @inline(__always)
    static func sortKeys<Key: FixedWidthInteger & UnsignedInteger>(
        _ keys: UnsafeMutableBufferPointer<Key>, lowestBit: Int, digits: Int,
        encode: (Key) -> Key = { $0 }, decode: ((Key) -> Key)? = nil
    ) {
        precondition(lowestBit >= 0 && lowestBit + digits * digitBits <= Key.bitWidth, "digits beyond the key")
        let n = keys.count
        guard n > 1 else { return }
        if n < smallCount {
            // Comparing whole keys also sorts by the digits that matter; the values stay as they are.
            var small = keys
            small.sort { encode($0) < encode($1) }
            return
        }
        let histograms = UnsafeMutableBufferPointer<Int>.allocate(capacity: digits * radix)
        histograms.initialize(repeating: 0)
        defer { histograms.deallocate() }
        let scratch = UnsafeMutableBufferPointer<Key>.allocate(capacity: n)
        defer { scratch.deallocate() }
        let mask = Key(radix - 1)
        for i in 0..<n {
            let k = encode(keys[i])
            keys[i] = k
            for p in 0..<digits {
                histograms[p &* radix &+ Int(truncatingIfNeeded: (k &>> (lowestBit &+ digitBits &* p)) & mask)] &+= 1
            }
        }
        var source = keys
        var destination = scratch
        for p in 0..<digits {
            let shift = lowestBit + digitBits * p
            let counts = UnsafeMutableBufferPointer(rebasing: histograms[(p * radix)..<((p + 1) * radix)])
            if counts[Int(truncatingIfNeeded: (source[0] &>> shift) & mask)] == n { continue }
            var offset = 0
            for d in 0..<radix {
                let c = counts[d]
                counts[d] = offset
                offset &+= c
            }
            for i in 0..<n {
                let k = source[i]
                let d = Int(truncatingIfNeeded: (k &>> shift) & mask)
                destination[counts[d]] = k
                counts[d] &+= 1
            }
            swap(&source, &destination)
        }
        // Back into the caller's buffer, wherever the last pass left the keys.
        if let decode {
            for i in 0..<n { keys[i] = decode(source[i]) }
        } else if source.baseAddress != keys.baseAddress {
            _ = keys.update(fromContentsOf: source)
        }
    }
}
