extension SeededGenerator {
    /// The generator for item `index` of a job seeded with `seed`: the one per-image seed
    /// derivation, used by synthetic anomalies in `synthesize`, `fit` and `compare` alike.
    ///
    /// Item i draws from the stream seeded with seed + golden-ratio constant · (i + 1), so the
    /// same (seed, index) gives the same bytes whichever thread or chunk makes the item, and
    /// neighbouring items get unrelated streams (SplitMix64 expands the seed).
    public static func forItem(_ index: Int, of seed: UInt64) -> SeededGenerator {
        SeededGenerator(seed: seed &+ 0x9E37_79B9_7F4A_7C15 &* UInt64(truncatingIfNeeded: index + 1))
    }
}
