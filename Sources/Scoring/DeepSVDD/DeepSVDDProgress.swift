/// One finished epoch, reported to the training callback (for a progress bar or a log).
public struct DeepSVDDProgress: Sendable, Hashable {
    /// Which loop the epoch belongs to.
    public enum Phase: String, Sendable, Hashable, CustomStringConvertible {
        /// Autoencoder pre-training (reconstruction loss).
        case pretraining
        /// Deep SVDD training (one-class or soft-boundary loss).
        case training

        public var description: String { rawValue }
    }

    /// The loop this epoch belongs to.
    public let phase: Phase
    /// The finished epoch, counting from 1.
    public let epoch: Int
    /// The number of epochs in this phase.
    public let epochCount: Int
    /// The mean mini-batch loss over the epoch.
    public let loss: Double
}
