/// How ``PerlinMaskGenerator`` turns noise into a mask (REFERENCE §5).
///
/// REFERENCE gives anomalib's mean coverage at 256 × 256 over 600 draws:
/// 4.8% plain, 5.8% retrying, 8.4% dual. These styles reproduce it (2,000
/// seeded draws each: 4.9%, 5.7%, 8.3%, all within 1 combined standard error)
/// only when weak noise is rescaled in the retrying styles and not in the
/// plain one: without rescaling, retries give 5.2% and dual 7.5%; with it,
/// plain gives 5.7%. So `.plain` is the raw DRAEM-style mask and the other
/// two are anomalib 2.7's generator.
public enum PerlinMaskStyle: Sendable, Hashable {
    /// One attempt on the raw noise; about 5% of masks at 256² are empty.
    case plain
    /// Noise with nothing above the threshold is stretched to [−1, 1]; up to
    /// `maxAttempts` attempts while the mask is empty (anomalib: 10).
    case retrying(maxAttempts: Int = 10)
    /// A retrying mask, joined with probability `probability` by a second, independent retrying mask.
    case dual(probability: Double = 0.5, maxAttempts: Int = 10)

    /// The attempts allowed for each mask.
    var maxAttempts: Int {
        switch self {
        case .plain: return 1
        case .retrying(let n), .dual(_, let n): return max(n, 1)
        }
    }

    /// Whether noise with no value above the threshold is stretched to [−1, 1] before rotating.
    var rescalesWeakNoise: Bool {
        if case .plain = self { return false }
        return true
    }
}
