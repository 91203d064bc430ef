/// Hyper-parameters of Deep SVDD training; the defaults are Ruff et al.'s (lr 1e-4, weight decay 5e-7).
public struct DeepSVDDConfiguration: Sendable, Hashable {
    /// One-class (the default) or soft-boundary.
    public var objective: DeepSVDDObjective = .oneClass
    /// Deep SVDD training epochs.
    public var epochs = 100
    /// Samples per mini-batch (at least 2, for batch normalisation).
    public var batchSize = 16
    /// Adam's learning rate for Deep SVDD training.
    public var learningRate: Float = 1e-4
    /// Adam's L2 weight decay λ for Deep SVDD training (the λ/2·Σ‖W‖² term of the objective).
    public var weightDecay: Float = 5e-7
    /// Autoencoder pre-training epochs; 0 skips pre-training and keeps PyTorch's default initialisation.
    public var pretrainingEpochs = 0
    /// Adam's learning rate for pre-training.
    public var pretrainingLearningRate: Float = 1e-4
    /// Adam's weight decay for pre-training.
    public var pretrainingWeightDecay: Float = 5e-7
    /// Soft-boundary only: epochs before R is first updated (10 in Ruff's code).
    public var warmUpEpochs = 10
    /// Centre coordinates closer to zero than this are pushed out to ±epsilon.
    public var centerEpsilon: Float = 0.1
    /// Seeds initialisation and mini-batch order: the same seed gives the same model, byte for byte.
    public var seed: UInt64 = 0

    /// The defaults, with any property changeable afterwards.
    public init() {}

    /// Throws if a parameter is out of range.
    func validate() throws(DeepSVDDError) {
        if case let .softBoundary(nu) = objective, !(nu > 0 && nu <= 1) {
            throw .invalidConfiguration("ν must be in (0, 1], got \(nu)")
        }
        guard epochs >= 0, pretrainingEpochs >= 0, warmUpEpochs >= 0 else {
            throw .invalidConfiguration("epoch counts must not be negative")
        }
        guard batchSize >= 2 else {
            throw .invalidConfiguration("batch size must be at least 2 (batch normalisation), got \(batchSize)")
        }
        for (name, value) in [("learning rate", learningRate), ("pre-training learning rate", pretrainingLearningRate)]
        where !(value > 0 && value.isFinite) {
            throw .invalidConfiguration("\(name) must be positive, got \(value)")
        }
        for (name, value) in [("weight decay", weightDecay), ("pre-training weight decay", pretrainingWeightDecay),
                              ("centre epsilon", centerEpsilon)]
        where !(value >= 0 && value.isFinite) {
            throw .invalidConfiguration("\(name) must be non-negative, got \(value)")
        }
    }
}
