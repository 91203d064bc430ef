/// Benjamini–Hochberg selection: which of a batch of p-values to flag at a false-discovery rate q.
public enum BenjaminiHochberg {
    /// The result of one selection.
    public struct Selection: Sendable, Hashable {
        /// Whether each p-value, in input order, is selected (flagged).
        public var selected: [Bool]
        /// BH-adjusted p-values (q-values), in input order: selected at level q iff adjusted ≤ q.
        public var adjusted: [Double]
        /// The largest selected p-value, or nil if none is selected.
        public var cutoff: Double?
    }

    /// Selects the p-values at or below p₍ₖ₎, where k is the largest index with p₍ₖ₎ ≤ k·q/m.
    ///
    /// - Throws: if q is outside (0, 1) or a p-value is outside [0, 1].
    /// - Complexity: O(m log m).
    public static func select(pValues p: [Double], q: Double) throws(ThresholdError) -> Selection {
        try requireProbability(q, name: "q")
        for (i, v) in p.enumerated() where !(v >= 0 && v <= 1) {
            throw .invalidParameter(name: "p-value[\(i)]", value: v, expected: "a number in [0, 1]")
        }
        let m = p.count
        let order = p.indices.sorted { p[$0] < p[$1] || (p[$0] == p[$1] && $0 < $1) }
        // Step-up adjusted values: running minimum from the largest rank down.
        var adjusted = [Double](repeating: 1, count: m)
        var running = 1.0
        for rank in stride(from: m, through: 1, by: -1) {
            let i = order[rank - 1]
            running = Swift.min(running, p[i] * Double(m) / Double(rank))
            adjusted[i] = running
        }
        var cutoff: Double?
        for rank in stride(from: m, through: 1, by: -1) where p[order[rank - 1]] <= Double(rank) * q / Double(m) {
            cutoff = p[order[rank - 1]]
            break
        }
        let selected = p.map { v in cutoff.map { v <= $0 } ?? false }
        return Selection(selected: selected, adjusted: adjusted, cutoff: cutoff)
    }
}
