/// A fast, seedable random number generator (xoshiro256**).
///
/// Every random choice in ThresholdKit takes a generator passed in, so the
/// same seed gives the same bytes on every platform and toolchain. The state
/// is expanded from the 64-bit seed with SplitMix64, as the xoshiro authors
/// recommend, so nearby seeds give unrelated streams.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// Creates a generator whose whole stream is determined by `seed`.
    public init(seed: UInt64) {
        var mixer = SplitMix64(state: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
    }

    /// Returns the next 64 random bits.
    @inlinable
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, by: 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, by: 45)
        return result
    }

    /// Returns an independent generator for a sub-task (a fold, a worker, a draw).
    ///
    /// Splitting keeps parallel work reproducible: each child stream depends
    /// only on this generator's state, not on scheduling.
    public mutating func split() -> SeededGenerator {
        SeededGenerator(seed: next())
    }
}

@usableFromInline
func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 - k))
}

/// SplitMix64, used only to expand seeds.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
