extension Inflater {
    /// Decodes the literal/length and distance symbols of one Huffman block.
    ///
    /// This is the hot loop of decompression: state lives in locals, tables are
    /// read through raw pointers, one refill covers a whole length/distance
    /// pair (at most 48 bits), and matches are copied 8 bytes at a time.
    /// - Complexity: O(output bytes of the block).
    mutating func decodeSymbols(literals: HuffmanDecodeTable, distances: HuffmanDecodeTable)
        throws(DeflateError)
    {
        try literals.entries.withUnsafeBufferPointer { (literalTable) throws(DeflateError) in
            try distances.entries.withUnsafeBufferPointer { (distanceTable) throws(DeflateError) in
                guard let literalBase = literalTable.baseAddress, let distanceBase = distanceTable.baseAddress else {
                    throw .invalidCodeLengths("empty Huffman table")
                }
                try decodeSymbols(
                    literals: literalBase, literalBits: literals.primaryBits,
                    distances: distanceBase, distanceBits: distances.primaryBits)
            }
        }
    }

    private mutating func decodeSymbols(
        literals: UnsafePointer<UInt32>, literalBits: Int,
        distances: UnsafePointer<UInt32>, distanceBits: Int
    ) throws(DeflateError) {
        var bits = self.bits
        var out = output.base
        var count = output.count
        var capacity = output.capacity
        let limit = output.limit
        let literalMask = (UInt64(1) << UInt64(literalBits)) - 1
        let distanceMask = (UInt64(1) << UInt64(distanceBits)) - 1
        defer {
            self.bits = bits
            output.count = count
        }

        while true {
            if bits.bitCount < 48 { try bits.refill() }
            if count &+ InflateOutput.slack > capacity {
                output.count = count
                // Even at the limit this leaves `slack` bytes; the checks below reject any write past the limit.
                output.reserve(1)
                out = output.base
                capacity = output.capacity
            }

            var entry = literals[Int(truncatingIfNeeded: bits.buffer & literalMask)]
            if entry & HuffmanEntry.Kind.mask == HuffmanEntry.Kind.subtable {
                bits.skip(literalBits)
                let subMask = (UInt64(1) &<< UInt64(HuffmanEntry.extraBits(entry))) &- 1
                entry = literals[HuffmanEntry.value(entry) &+ Int(truncatingIfNeeded: bits.buffer & subMask)]
            }
            bits.skip(HuffmanEntry.consumed(entry))
            let kind = entry & HuffmanEntry.Kind.mask

            if kind == HuffmanEntry.Kind.literal {
                guard count < limit else { throw .outputLimitExceeded(limit: limit) }
                out[count] = UInt8(truncatingIfNeeded: entry &>> 16)
                count &+= 1
                continue
            }
            if kind == HuffmanEntry.Kind.endOfBlock { return }
            guard kind == HuffmanEntry.Kind.base else {
                throw .invalidSymbol("literal/length code not in the table")
            }
            let length = HuffmanEntry.value(entry) &+ bits.take(HuffmanEntry.extraBits(entry))

            var distanceEntry = distances[Int(truncatingIfNeeded: bits.buffer & distanceMask)]
            if distanceEntry & HuffmanEntry.Kind.mask == HuffmanEntry.Kind.subtable {
                bits.skip(distanceBits)
                let subMask = (UInt64(1) &<< UInt64(HuffmanEntry.extraBits(distanceEntry))) &- 1
                distanceEntry = distances[
                    HuffmanEntry.value(distanceEntry) &+ Int(truncatingIfNeeded: bits.buffer & subMask)]
            }
            bits.skip(HuffmanEntry.consumed(distanceEntry))
            guard distanceEntry & HuffmanEntry.Kind.mask == HuffmanEntry.Kind.base else {
                throw .invalidSymbol("distance code not in the table")
            }
            let distance = HuffmanEntry.value(distanceEntry) &+ bits.take(HuffmanEntry.extraBits(distanceEntry))
            guard distance <= count else { throw .distanceTooFar(distance: distance, available: count) }
            guard length <= limit &- count else { throw .outputLimitExceeded(limit: limit) }

            copyMatch(to: out + count, distance: distance, length: length)
            count &+= length
        }
    }

    /// Copies `length` bytes from `distance` bytes back; the regions may overlap.
    ///
    /// May write up to 7 bytes past the match, which the output's slack allows.
    @inline(__always)
    private func copyMatch(to destination: UnsafeMutablePointer<UInt8>, distance: Int, length: Int) {
        let source = destination - distance
        if distance >= 8 {
            // Each 8-byte word read lies wholly before the word being written.
            var offset = 0
            repeat {
                let word = UnsafeRawPointer(source + offset).loadUnaligned(as: UInt64.self)
                UnsafeMutableRawPointer(destination + offset).storeBytes(of: word, as: UInt64.self)
                offset &+= 8
            } while offset < length
        } else if distance == 1 {
            destination.update(repeating: source.pointee, count: length)
        } else {
            for offset in 0..<length { destination[offset] = source[offset] }
        }
    }
}
