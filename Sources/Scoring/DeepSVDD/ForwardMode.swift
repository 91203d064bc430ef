/// Whether a forward pass trains the network or only evaluates it.
///
/// Batch normalisation is the only layer that behaves differently: training
/// normalises with the batch's statistics and updates the running ones;
/// inference normalises with the running statistics.
enum ForwardMode: Sendable, Hashable {
    case training
    case inference
}
