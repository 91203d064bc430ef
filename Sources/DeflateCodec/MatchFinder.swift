/// Finds LZ77 matches with hash chains over a 32 KiB window (zlib's scheme).
///
/// `head` holds the latest position of each 3-byte hash; `previous` links each
/// position to the one before it with the same hash. Candidates are always
/// verified byte by byte, so a hash collision only costs time.
struct MatchFinder {
    private static let hashBits = 15
    private static let windowMask = DeflateTables.windowSize - 1

    private let input: UnsafePointer<UInt8>
    private let count: Int
    private let head: UnsafeMutablePointer<Int>
    private let previous: UnsafeMutablePointer<Int>

    init(input: UnsafePointer<UInt8>, count: Int) {
        self.input = input
        self.count = count
        head = .allocate(capacity: 1 << Self.hashBits)
        head.initialize(repeating: -1, count: 1 << Self.hashBits)
        previous = .allocate(capacity: DeflateTables.windowSize)
        previous.initialize(repeating: -1, count: DeflateTables.windowSize)
    }

    /// Frees the tables; the finder must not be used afterwards.
    func deallocate() {
        head.deallocate()
        previous.deallocate()
    }

    /// Indexes `position` (which needs 3 bytes of input) and returns the previous
    /// position with the same hash, or −1.
    @inline(__always)
    func insert(_ position: Int) -> Int {
        let p = input + position
        let key = UInt32(p[0]) | UInt32(p[1]) &<< 8 | UInt32(p[2]) &<< 16
        let hash = Int(truncatingIfNeeded: (key &* 0x9E37_79B1) &>> UInt32(32 - Self.hashBits))
        let candidate = head[hash]
        previous[position & Self.windowMask] = candidate
        head[hash] = position
        return candidate
    }

    /// The longest match for `position` that beats `shorterThan` (at least 3 long).
    ///
    /// - Parameters:
    ///   - candidate: The chain's first earlier position, from ``insert(_:)``.
    ///   - shorterThan: Only matches longer than this count.
    ///   - chain: The most chain links to follow.
    ///   - nice: Stop at a match this long.
    /// - Returns: The best length and distance; length ≤ `shorterThan` when nothing better was found.
    @inline(__always)
    func longestMatch(at position: Int, candidate: Int, shorterThan: Int, chain: Int, nice: Int)
        -> (length: Int, distance: Int)
    {
        let maxLength = min(DeflateTables.maxMatch, count &- position)
        var bestLength = max(shorterThan, DeflateTables.minMatch - 1)
        var bestDistance = 0
        guard maxLength > bestLength else { return (bestLength, 0) }
        let oldest = position &- DeflateTables.windowSize
        let here = input + position
        var candidate = candidate
        var remaining = chain
        while candidate >= 0 && candidate >= oldest && candidate < position && remaining > 0 {
            let there = input + candidate
            // Reject most candidates on the byte that would make the match longer.
            if there[bestLength] == here[bestLength] && there[0] == here[0] && there[1] == here[1] {
                let length = Self.commonPrefix(here, there, limit: maxLength)
                if length > bestLength {
                    bestLength = length
                    bestDistance = position &- candidate
                    if length >= nice || length >= maxLength { break }
                }
            }
            candidate = previous[candidate & Self.windowMask]
            remaining &-= 1
        }
        return (bestLength, bestDistance)
    }

    /// How many leading bytes `a` and `b` share, up to `limit`; 8 bytes a step.
    @inline(__always)
    private static func commonPrefix(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, limit: Int) -> Int {
        var length = 0
        while length &+ 8 <= limit {
            let x = UnsafeRawPointer(a + length).loadUnaligned(as: UInt64.self)
            let y = UnsafeRawPointer(b + length).loadUnaligned(as: UInt64.self)
            let difference = UInt64(littleEndian: x ^ y)
            if difference != 0 { return length &+ difference.trailingZeroBitCount &>> 3 }
            length &+= 8
        }
        while length < limit && a[length] == b[length] { length &+= 1 }
        return length
    }
}
