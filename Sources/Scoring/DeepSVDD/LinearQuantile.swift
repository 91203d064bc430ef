/// The q-quantile of `values` with linear interpolation between order statistics (NumPy's default),
/// for the soft-boundary radius: Ruff's `np.quantile(np.sqrt(dist), 1 - nu)`.
///
/// Thresholding's `OrderStatistics.quantile(sorted:_:)` is the same rule; Scoring may not depend on
/// Thresholding (nor it on anything), so each keeps its few lines, and both are tested against the
/// same hand-worked NumPy cases. This one needs no overflow guard: distances are finite and ≥ 0.
/// - Precondition: `values` is not empty and q ∈ [0, 1].
/// - Complexity: O(n log n).
func linearQuantile(_ values: [Double], _ q: Double) -> Double {
    precondition(!values.isEmpty && q >= 0 && q <= 1, "quantile of an empty set or q outside [0, 1]")
    let sorted = values.sorted()
    let position = q * Double(sorted.count - 1)
    let lower = Int(position.rounded(.down))
    let upper = min(lower + 1, sorted.count - 1)
    return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
}
