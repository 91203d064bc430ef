/// MT19937, seeded as NumPy's legacy `RandomState(seed)` is, so a NumPy split can be reproduced exactly.
///
/// ThresholdKit's own randomness uses ``SeededGenerator``. This generator exists
/// for one job: recreating a calibration split that was made in Python with
/// `numpy.random.RandomState(seed).permutation(n)`, so results can be compared
/// with a reference run on the very same rows.
public struct MersenneTwister: Sendable {
    private var state = [UInt32](repeating: 0, count: 624)
    private var index = 624

    /// Seeds like NumPy's `RandomState(seed)` with an integer seed (`init_genrand`).
    public init(seed: UInt32) {
        state[0] = seed
        for i in 1..<624 {
            state[i] = 1_812_433_253 &* (state[i - 1] ^ (state[i - 1] >> 30)) &+ UInt32(i)
        }
    }

    /// The next 32 random bits.
    public mutating func next32() -> UInt32 {
        if index >= 624 { twist() }
        var y = state[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    private mutating func twist() {
        for i in 0..<624 {
            let y = (state[i] & 0x8000_0000) | (state[(i + 1) % 624] & 0x7FFF_FFFF)
            state[i] = state[(i + 397) % 624] ^ (y >> 1) ^ ((y & 1) == 0 ? 0 : 0x9908_B0DF)
        }
        index = 0
    }

    /// A uniform integer in 0...max by masked rejection, as NumPy's legacy `random_interval` draws it.
    mutating func interval(_ max: UInt32) -> UInt32 {
        guard max > 0 else { return 0 }
        var mask = max
        mask |= mask >> 1; mask |= mask >> 2; mask |= mask >> 4; mask |= mask >> 8; mask |= mask >> 16
        while true {
            let value = next32() & mask
            if value <= max { return value }
        }
    }

    /// `numpy.random.RandomState(seed).permutation(n)`, element for element.
    ///
    /// - Complexity: O(n).
    public static func numpyPermutation(_ n: Int, seed: UInt32) -> [Int] {
        var mt = MersenneTwister(seed: seed)
        var values = Array(0..<n)
        var i = n - 1
        while i > 0 {
            let j = Int(mt.interval(UInt32(i)))
            values.swapAt(i, j)
            i -= 1
        }
        return values
    }
}
