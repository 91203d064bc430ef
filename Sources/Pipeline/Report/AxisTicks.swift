import Foundation

/// Round tick values for chart axes.
enum AxisTicks {
    /// About `count` ticks inside `lo...hi`, 1, 2 or 5 × 10^k apart; one tick for an empty span.
    /// - Complexity: O(number of ticks).
    static func nice(_ lo: Double, _ hi: Double, count: Int = 5) -> [Double] {
        guard lo.isFinite, hi.isFinite else { return [] }
        guard hi > lo else { return [lo] }
        let raw = (hi - lo) / Double(max(1, count))
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw * (1 - 1e-12) } ?? 10 * magnitude
        let first = Int((lo / step).rounded(.up)), last = Int((hi / step).rounded(.down))
        guard first <= last else { return [lo] }
        // k·step rather than repeated addition keeps 0.3 from turning into 0.30000000000000004·…
        return (first...last).map { Double($0) * step }
    }
}

/// Up to 4 significant digits, for axis labels.
func shortNumber(_ v: Double) -> String {
    let text = String(format: "%.4g", v)
    return text == "-0" ? "0" : text
}
