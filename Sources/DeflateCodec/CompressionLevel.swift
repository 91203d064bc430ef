/// How hard ``Deflate`` searches for matches: 0 stores, 1 is fastest, 9 smallest.
///
/// The levels follow zlib's: the same chain lengths and lazy-matching limits,
/// so sizes and speeds are comparable.
public struct CompressionLevel: Sendable, Hashable, Comparable {
    /// 0…9.
    public let value: Int

    /// A level from 0 to 9; values outside are clamped.
    public init(_ value: Int) { self.value = min(max(value, 0), 9) }

    /// Stored blocks only: no compression.
    public static let none = CompressionLevel(0)
    /// Greedy matching with short chains.
    public static let fastest = CompressionLevel(1)
    /// zlib's default trade-off.
    public static let `default` = CompressionLevel(6)
    /// Long chains and full lazy matching.
    public static let best = CompressionLevel(9)

    public static func < (lhs: CompressionLevel, rhs: CompressionLevel) -> Bool { lhs.value < rhs.value }

    /// The match-search parameters of this level (zlib's configuration table).
    var parameters: MatchParameters {
        switch value {
        case 1: return MatchParameters(good: 4, maxLazy: 4, nice: 8, maxChain: 4, lazy: false)
        case 2: return MatchParameters(good: 4, maxLazy: 5, nice: 16, maxChain: 8, lazy: false)
        case 3: return MatchParameters(good: 4, maxLazy: 6, nice: 32, maxChain: 32, lazy: false)
        case 4: return MatchParameters(good: 4, maxLazy: 4, nice: 16, maxChain: 16, lazy: true)
        case 5: return MatchParameters(good: 8, maxLazy: 16, nice: 32, maxChain: 32, lazy: true)
        case 6: return MatchParameters(good: 8, maxLazy: 16, nice: 128, maxChain: 128, lazy: true)
        case 7: return MatchParameters(good: 8, maxLazy: 32, nice: 128, maxChain: 256, lazy: true)
        case 8: return MatchParameters(good: 32, maxLazy: 128, nice: 258, maxChain: 1024, lazy: true)
        default: return MatchParameters(good: 32, maxLazy: 258, nice: 258, maxChain: 4096, lazy: true)
        }
    }
}

/// Match-search limits of one compression level.
struct MatchParameters {
    /// Quarter the chain once the previous match is at least this long.
    let good: Int
    /// Lazy: do not look for a better match after one this long. Greedy: only
    /// index the positions inside matches up to this long.
    let maxLazy: Int
    /// Stop searching at a match this long.
    let nice: Int
    /// Follow at most this many hash-chain links.
    let maxChain: Int
    /// Lazy evaluation (try the next position before taking a match).
    let lazy: Bool
}
