import Foundation

// The stdlib's `Double.random(in:using:)` is not specified bit-for-bit across
// toolchain versions, so the samplers here are written out explicitly: the same
// seed must give the same numbers everywhere.
extension RandomNumberGenerator {
    /// A uniform double in [0, 1) with 53 random bits.
    @inlinable
    public mutating func nextUnitInterval() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform double in (0, 1): never 0, so safe under `log`.
    @inlinable
    public mutating func nextOpenUnitInterval() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1p-53
    }

    /// A uniform double in [lower, upper).
    @inlinable
    public mutating func nextUniform(_ lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * nextUnitInterval()
    }

    /// A uniform integer in 0..<bound, without modulo bias (Lemire's method).
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let b = UInt64(bound)
        var product = next().multipliedFullWidth(by: b)
        if product.low < b {
            let threshold = (0 &- b) % b
            while product.low < threshold {
                product = next().multipliedFullWidth(by: b)
            }
        }
        return Int(product.high)
    }

    /// A standard normal draw (Box–Muller; one of the pair is discarded for simplicity).
    public mutating func nextGaussian() -> Double {
        let u1 = nextOpenUnitInterval()
        let u2 = nextUnitInterval()
        return (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
    }

    /// A normal draw with the given mean and standard deviation.
    public mutating func nextGaussian(mean: Double, standardDeviation: Double) -> Double {
        mean + standardDeviation * nextGaussian()
    }

    /// An exponential draw with the given rate.
    public mutating func nextExponential(rate: Double = 1) -> Double {
        -Foundation.log(nextOpenUnitInterval()) / rate
    }

    /// A generalised Pareto draw with shape `shape` (γ) and scale `scale` (σ), by inversion.
    public mutating func nextGeneralizedPareto(shape: Double, scale: Double) -> Double {
        let u = nextOpenUnitInterval()
        if shape == 0 { return -scale * Foundation.log(u) }
        return scale / shape * (Foundation.pow(u, -shape) - 1)
    }
}

extension Array {
    /// Returns the elements in a seeded random order (Fisher–Yates).
    public func shuffled<G: RandomNumberGenerator>(seeded generator: inout G) -> [Element] {
        var copy = self
        var i = copy.count
        while i > 1 {
            let j = generator.nextInt(below: i)
            i -= 1
            copy.swapAt(i, j)
        }
        return copy
    }
}
