/// Turns input into LZ77 tokens (greedy or lazy, per level) and hands each
/// full block to ``BlockWriter``.
struct DeflateEncoder {
    private let input: UnsafeBufferPointer<UInt8>
    private let base: UnsafePointer<UInt8>
    private let parameters: MatchParameters
    private var finder: MatchFinder
    private var block = BlockTokens()
    private var blockStart = 0
    private(set) var writer: BitWriter

    init(input: UnsafeBufferPointer<UInt8>, base: UnsafePointer<UInt8>, parameters: MatchParameters) {
        self.input = input
        self.base = base
        self.parameters = parameters
        finder = MatchFinder(input: base, count: input.count)
        writer = BitWriter(reservingCapacity: input.count / 2 + 64)
    }

    /// Compresses the whole input and ends with a final block.
    mutating func run() {
        defer { finder.deallocate() }
        if parameters.lazy { parseLazily() } else { parseGreedily() }
        flush(isFinal: true)
        writer.alignToByte()
    }

    /// zlib's `deflate_fast`: take the longest match at each position.
    private mutating func parseGreedily() {
        let count = input.count
        var position = 0
        while position < count {
            var length = 0
            var distance = 0
            if position &+ 2 < count {
                let candidate = finder.insert(position)
                if candidate >= 0 {
                    (length, distance) = finder.longestMatch(
                        at: position, candidate: candidate, shorterThan: 2,
                        chain: parameters.maxChain, nice: parameters.nice)
                    if length == 3 && distance > 4096 { length = 0 }
                }
            }
            if length >= DeflateTables.minMatch {
                block.appendMatch(length: length, distance: distance)
                // Indexing every position of a long match costs more than it finds.
                if length <= parameters.maxLazy {
                    for inner in (position + 1)..<(position + length) where inner &+ 2 < count { _ = finder.insert(inner) }
                }
                position &+= length
            } else {
                block.appendLiteral(base[position])
                position &+= 1
            }
            if block.isFull { flush(isFinal: false) }
        }
    }

    /// zlib's `deflate_slow`: before taking a match, check whether the next
    /// position starts a longer one; if so, emit a literal instead.
    private mutating func parseLazily() {
        let count = input.count
        var position = 0
        var previousLength = DeflateTables.minMatch - 1
        var previousDistance = 0
        var hasPendingLiteral = false
        while position < count {
            var length = DeflateTables.minMatch - 1
            var distance = 0
            if position &+ 2 < count {
                let candidate = finder.insert(position)
                if candidate >= 0 && previousLength < parameters.maxLazy {
                    let chain = previousLength >= parameters.good ? parameters.maxChain >> 2 : parameters.maxChain
                    (length, distance) = finder.longestMatch(
                        at: position, candidate: candidate, shorterThan: previousLength,
                        chain: chain, nice: parameters.nice)
                    // A far 3-byte match usually costs more bits than three literals.
                    if distance == 0 || (length == 3 && distance > 4096) { length = DeflateTables.minMatch - 1 }
                }
            }
            if previousLength >= DeflateTables.minMatch && length <= previousLength {
                block.appendMatch(length: previousLength, distance: previousDistance)
                let end = position &- 1 &+ previousLength
                for inner in (position + 1)..<max(end, position + 1) where inner &+ 2 < count { _ = finder.insert(inner) }
                position = end
                hasPendingLiteral = false
                previousLength = DeflateTables.minMatch - 1
            } else {
                if hasPendingLiteral { block.appendLiteral(base[position &- 1]) }
                hasPendingLiteral = true
                previousLength = length
                previousDistance = distance
                position &+= 1
            }
            if block.isFull { flush(isFinal: false) }
        }
        if hasPendingLiteral { block.appendLiteral(base[position &- 1]) }
    }

    private mutating func flush(isFinal: Bool) {
        guard isFinal || block.coveredBytes > 0 else { return }
        let raw = UnsafeBufferPointer(rebasing: input[blockStart..<(blockStart + block.coveredBytes)])
        BlockWriter.write(block, raw: raw, isFinal: isFinal, to: &writer)
        blockStart += block.coveredBytes
        block.reset()
    }
}
