import Foundation

/// A power of two that brings a sample's largest magnitude into [1, 2), so that sums,
/// differences and squares of the scaled values neither overflow nor underflow.
///
/// Multiplying or dividing by a power of two is exact unless the result leaves the
/// normal range, so arithmetic done on scaled values and scaled back is bit for bit
/// the unscaled arithmetic whenever that did not overflow or underflow, and finite
/// and accurate where it would have: the sum of squares of scores near 1e160
/// (≈ 1e320) or of subnormal scores (≈ 1e-620) stays near 1. Values far below the
/// largest magnitude (by a factor of 2^-1022) lose bits once scaled, far below the
/// rounding of any sum they take part in.
struct PowerOfTwoScale: Sendable, Hashable {
    /// The scale is 2^exponent.
    let exponent: Int

    /// The scale for values up to `largestMagnitude`; 1 for 0 or a non-finite magnitude.
    init(largestMagnitude: Double) {
        let m = abs(largestMagnitude)
        exponent = m.isFinite && m > 0 ? Int(m.exponent) : 0
    }

    /// The scale for a sample, from its largest finite magnitude.
    ///
    /// - Complexity: O(n).
    init(covering values: [Double]) {
        var largest = 0.0
        for v in values where v.isFinite { largest = Swift.max(largest, abs(v)) }
        self.init(largestMagnitude: largest)
    }

    /// 2^exponent; representable for every exponent of a finite double, −1074…1023.
    var factor: Double { Double(sign: .plus, exponent: exponent, significand: 1) }

    /// `x` in units of the scale.
    @inline(__always)
    func down(_ x: Double) -> Double { x / factor }

    /// A scaled value back in the units of the scores; ±∞ when it overflows.
    @inline(__always)
    func up(_ scaled: Double) -> Double { scaled * factor }

    /// A scaled value back in the units of the scores, or a typed error when it does not fit in a Double.
    ///
    /// - Parameters:
    ///   - scaled: the value in units of the scale.
    ///   - quantity: what the value is, for the message, e.g. "threshold mean + kσ".
    ///   - strategy: the strategy key that computed it.
    /// - Throws: ``ThresholdError/notRepresentable(strategy:reason:)`` when the value overflows.
    func represent(_ scaled: Double, as quantity: String, strategy: String) throws(ThresholdError) -> Double {
        let value = up(scaled)
        guard value.isFinite else {
            let what = scaled.isFinite ? "\(quantity) \(approximateText(scaled))" : quantity
            throw .notRepresentable(
                strategy: strategy,
                reason: "the \(what) overflows a Double (the largest is 1.8e308); rescale the scores")
        }
        return value
    }

    /// "≈ 5.0e308": the scaled value in the units of the scores with two significant
    /// digits, computed from logarithms because the value itself may not be representable.
    func approximateText(_ scaled: Double) -> String {
        guard scaled.isFinite, scaled != 0 else { return "≈ \(scaled)" }
        let log10Magnitude = log10(abs(scaled)) + Double(exponent) * log10(2.0)
        var decade = log10Magnitude.rounded(.down)
        var mantissa = (pow(10, log10Magnitude - decade) * 10).rounded() / 10
        if mantissa >= 10 {
            mantissa /= 10
            decade += 1
        }
        return "≈ " + (scaled < 0 ? "-" : "") + String(format: "%.1f", mantissa) + "e\(Int(decade))"
    }

    /// a + b·c computed at the scale of the larger of |a| and |c|, so that neither the
    /// product nor the sum overflows on the way to a representable result.
    ///
    /// - Throws: ``ThresholdError/notRepresentable(strategy:reason:)`` when the result overflows.
    static func sum(
        _ a: Double, plus b: Double, times c: Double, as quantity: String, strategy: String
    ) throws(ThresholdError) -> Double {
        let scale = PowerOfTwoScale(largestMagnitude: Swift.max(abs(a), abs(c)))
        return try scale.represent(scale.down(a) + b * scale.down(c), as: quantity, strategy: strategy)
    }
}
