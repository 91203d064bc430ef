/// A trained Deep SVDD model with the history of its training.
public struct DeepSVDDTrainingResult: Sendable {
    /// The trained model.
    public let model: DeepSVDD
    /// The mean mini-batch loss of each Deep SVDD epoch.
    public let losses: [Double]
    /// The mean mini-batch reconstruction loss of each pre-training epoch (empty without pre-training).
    public let pretrainingLosses: [Double]
    /// Problems worth telling the user about, such as hypersphere collapse; never printed here.
    public let warnings: [String]
}
