/// A non-negative fraction compared exactly by cross-multiplication, never by rounding.
///
/// Threshold searches pick the *first* maximum, so two thresholds whose F1 or
/// balanced accuracy differ only past the 16th digit, or not at all, must
/// compare as they would in exact arithmetic. A zero denominator stands for
/// an undefined value and compares as 0, the convention for F1.
struct ExactRatio: Comparable, Sendable {
    var numerator: Int
    var denominator: Int

    /// The ratio as a double, 0 when the denominator is 0.
    var value: Double {
        denominator == 0 ? 0 : Double(numerator) / Double(denominator)
    }

    /// Compares a/b < c/d as a·d < c·b in 128 bits, so large counts cannot overflow.
    ///
    /// - Complexity: O(1).
    static func < (lhs: ExactRatio, rhs: ExactRatio) -> Bool {
        let (a, b) = lhs.normalized
        let (c, d) = rhs.normalized
        let left = a.multipliedFullWidth(by: d)
        let right = c.multipliedFullWidth(by: b)
        return left.high < right.high || (left.high == right.high && left.low < right.low)
    }

    static func == (lhs: ExactRatio, rhs: ExactRatio) -> Bool {
        !(lhs < rhs) && !(rhs < lhs)
    }

    /// Numerator and denominator as unsigned words, with undefined mapped to 0/1.
    @inline(__always)
    private var normalized: (UInt64, UInt64) {
        denominator == 0
            ? (0, 1)
            : (UInt64(truncatingIfNeeded: numerator), UInt64(truncatingIfNeeded: denominator))
    }
}
