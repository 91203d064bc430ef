/// Builds length-limited canonical Huffman codes for the compressor.
enum HuffmanCodeBuilder {
    /// Optimal code lengths for `frequencies`, none longer than `limit`.
    ///
    /// Builds an unrestricted Huffman tree, folds any lengths over the limit back
    /// under it while keeping the Kraft sum exactly 1 (miniz's method), then gives
    /// the shortest lengths to the most frequent symbols. At least two symbols
    /// get codes, as the format needs (zlib does the same), so a block with a
    /// single distance still has a complete code.
    /// - Complexity: O(n log n) for n symbols.
    static func lengths(frequencies: [Int], limit: Int) -> [UInt8] {
        var frequencies = frequencies
        var used = frequencies.indices.filter { frequencies[$0] > 0 }
        for symbol in frequencies.indices where used.count < 2 && frequencies[symbol] == 0 {
            frequencies[symbol] = 1
            used.append(symbol)
        }
        var lengths = [UInt8](repeating: 0, count: frequencies.count)
        guard used.count >= 2 else {
            for symbol in used { lengths[symbol] = 1 }
            return lengths
        }
        used.sort { (frequencies[$0], $0) < (frequencies[$1], $1) }

        // Two-queue Huffman: leaves in ascending order, internal nodes are created
        // in ascending order too, so the two cheapest are always at a queue front.
        let leafCount = used.count
        var weight = used.map { frequencies[$0] }
        var parent = [Int](repeating: -1, count: 2 * leafCount - 1)
        weight.reserveCapacity(2 * leafCount - 1)
        var nextLeaf = 0
        var nextInternal = leafCount
        func takeSmallest() -> Int {
            if nextLeaf < leafCount && (nextInternal >= weight.count || weight[nextLeaf] <= weight[nextInternal]) {
                nextLeaf += 1
                return nextLeaf - 1
            }
            nextInternal += 1
            return nextInternal - 1
        }
        for _ in 0..<(leafCount - 1) {
            let first = takeSmallest()
            let second = takeSmallest()
            parent[first] = weight.count
            parent[second] = weight.count
            weight.append(weight[first] + weight[second])
        }
        var depth = [Int](repeating: 0, count: weight.count)
        for node in stride(from: weight.count - 2, through: 0, by: -1) { depth[node] = depth[parent[node]] + 1 }

        let deepest = max(depth[0..<leafCount].max() ?? 0, limit)
        var countPerLength = [Int](repeating: 0, count: deepest + 1)
        for leaf in 0..<leafCount { countPerLength[depth[leaf]] += 1 }
        if deepest > limit {
            for length in (limit + 1)...deepest {
                countPerLength[limit] += countPerLength[length]
                countPerLength[length] = 0
            }
            var kraft = 0
            for length in 1...limit { kraft += countPerLength[length] << (limit - length) }
            // Each step removes one code at the limit and splits a shorter one: Kraft sum −1.
            while kraft > 1 << limit {
                countPerLength[limit] -= 1
                for length in stride(from: limit - 1, through: 1, by: -1) where countPerLength[length] > 0 {
                    countPerLength[length] -= 1
                    countPerLength[length + 1] += 2
                    break
                }
                kraft -= 1
            }
        }
        // `used` is in ascending frequency: the rarest symbols get the longest codes.
        var leaf = 0
        for length in stride(from: min(deepest, limit), through: 1, by: -1) {
            for _ in 0..<countPerLength[length] {
                lengths[used[leaf]] = UInt8(length)
                leaf += 1
            }
        }
        return lengths
    }

    /// Canonical codes for `lengths`, bit-reversed so they can be written LSB first.
    /// - Complexity: O(n).
    static func reversedCodes(lengths: [UInt8]) -> [UInt32] {
        var counts = [Int](repeating: 0, count: 16)
        for length in lengths { counts[Int(length)] += 1 }
        counts[0] = 0
        var next = [Int](repeating: 0, count: 16)
        var code = 0
        for length in 1...15 {
            code = (code + counts[length - 1]) << 1
            next[length] = code
        }
        return lengths.map { length in
            guard length > 0 else { return 0 }
            let code = next[Int(length)]
            next[Int(length)] += 1
            var reversed: UInt32 = 0
            var remaining = code
            for _ in 0..<length {
                reversed = reversed << 1 | UInt32(remaining & 1)
                remaining >>= 1
            }
            return reversed
        }
    }
}
