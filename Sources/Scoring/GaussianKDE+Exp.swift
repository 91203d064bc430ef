import Foundation

// A vectorised e^x for x ≤ 0, the other half of the KDE pair sum's cost. The
// scalar libm call per lane would dominate; Cephes' expf polynomial is exact to
// about 2 ulp and needs only SSE2: rounding by the 1.5·2²³ trick, the power of two
// built from the rounded value's bits.

/// Fast exponentials for the KDE kernel.
enum KDEExp {
    /// e^x lane by lane, for x ≤ 0; arguments below −87 (weights below 1.6e-38) give e^-87.
    @inline(__always)
    static func exp(_ x: SIMD8<Float>) -> SIMD8<Float> {
        let floor = SIMD8<Float>(repeating: -87)
        let clamped = x.replacing(with: floor, where: x .< floor)
        // t = 1.5·2²³ + round(x·log₂e): its low mantissa bits hold the integer n.
        let magic = SIMD8<Float>(repeating: 12_582_912)
        let t = clamped * 1.442_695_04 + magic
        let n = t - magic
        // r = x − n·ln 2 in two pieces (Cody–Waite), |r| ≤ ln2/2.
        var r = clamped - n * 0.693_359_375
        r = r - n * -2.121_944_40e-4
        var p = SIMD8<Float>(repeating: 1.987_569_150_0e-4)
        p = p * r + 1.398_199_950_7e-3
        p = p * r + 8.333_451_907_3e-3
        p = p * r + 4.166_579_589_4e-2
        p = p * r + 1.666_666_545_9e-1
        p = p * r + 5.000_000_120_1e-1
        p = p * (r * r) + r + 1
        // 2ⁿ: the exponent field (n + 127) shifted into place; bits above the low nine fall off.
        let bits = unsafeBitCast(t, to: SIMD8<UInt32>.self)
        let scale = unsafeBitCast((bits &+ 127) &<< 23, to: SIMD8<Float>.self)
        return p * scale
    }

    /// Scalar e^x in `Double`, for the rare rescaling of a running sum.
    @inline(__always)
    static func exp(_ x: Double) -> Double { Foundation.exp(x) }
}
