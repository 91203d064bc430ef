/// The Deep SVDD training objective (Ruff et al., ICML 2018).
public enum DeepSVDDObjective: Sendable, Hashable {
    /// Minimise the mean squared distance ‖φ(x) − c‖² to the centre; score = that distance.
    case oneClass
    /// Minimise R² + (1/ν)·mean(max(0, ‖φ(x) − c‖² − R²)); score = distance − R².
    ///
    /// ν ∈ (0, 1] bounds the fraction of training samples left outside the sphere.
    /// After the warm-up epochs R is set, after every mini-batch, to the (1 − ν)
    /// quantile of that batch's distances ‖φ(x) − c‖, as in Ruff's code.
    case softBoundary(nu: Double)
}
