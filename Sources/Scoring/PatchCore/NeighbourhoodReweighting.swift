import Foundation
import LinearAlgebra

/// PatchCore's image score re-weighted by how dense the bank is around the nearest neighbour
/// (Roth et al. 2022, eq. 7; anomalib's `compute_anomaly_score` with `num_neighbors` = b).
///
/// For the patch m with the largest nearest-neighbour distance s* (first of equals), its nearest
/// bank patch m*, and N_b(m*) the b bank patches nearest to m* (m* itself first), the score is
/// s = (1 − softmax(d)₀) · s*, where d_k = ‖m − n_k‖ over n_k ∈ N_b(m*). A patch whose nearest
/// bank patch sits alone (its neighbours are far from m) keeps less of s* than one in a dense region.
enum NeighbourhoodReweighting {
    /// The re-weighted score of one sample.
    /// - Parameters:
    ///   - patch: the features of the sample's farthest patch m.
    ///   - nearest: the bank row m* nearest to it; `distance` is s*.
    ///   - neighbours: b, at least 1 (clamped to the bank size).
    /// - Complexity: O(bank rows × dimension), in Double.
    static func score(patch: UnsafeBufferPointer<Float>, distance: Float, nearest: Int, bank: Matrix<Float>, neighbours: Int) -> Double {
        let (m, d) = (bank.rows, bank.columns)
        let b = min(neighbours, m)
        let star = bank.elements[(nearest * d)..<((nearest + 1) * d)]
        let base = star.startIndex
        // N_b(m*): the b bank rows nearest to m*, by distance then index.
        let fromStar = (0..<m).map { j -> Double in
            var s = 0.0
            for k in 0..<d { let t = Double(bank.elements[j * d + k]) - Double(star[base + k]); s += t * t }
            return s
        }
        let support = (0..<m).sorted { fromStar[$0] < fromStar[$1] || (fromStar[$0] == fromStar[$1] && $0 < $1) }.prefix(b)
        let distances = support.map { j -> Double in
            var s = 0.0
            for k in 0..<d { let t = Double(patch[k]) - Double(bank.elements[j * d + k]); s += t * t }
            return s.squareRoot()
        }
        // softmax(d)₀ = 1 / Σ exp(d_k − d₀), stable for any spread of distances.
        let d0 = distances[0]
        let denominator = distances.reduce(0.0) { $0 + Foundation.exp($1 - d0) }
        return (1 - 1 / denominator) * Double(distance)
    }
}
