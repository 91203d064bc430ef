import Randomness

/// The encoder φ with a mirrored decoder, trained on reconstruction before Deep SVDD.
///
/// Pre-training gives the encoder weights (and batch-norm running statistics) that keep
/// the information needed to rebuild the input, a better start than random weights,
/// from which one-class training can shrink the sphere without collapsing.
struct DeepSVDDAutoencoder: Sendable {
    var encoder: Sequential
    var decoder: Sequential

    /// Adam on the loss mean over the batch of Σ (x̂ − x)² (Ruff's reconstruction loss);
    /// returns each epoch's mean batch loss.
    /// - Complexity: O(epochs · N) encoder and decoder evaluations, forward and backward.
    mutating func train(
        on samples: Tensor, configuration: DeepSVDDConfiguration, mergingSingleton: Bool = true,
        generator: inout SeededGenerator,
        progress: (DeepSVDDProgress) -> Void
    ) throws(DeepSVDDError) -> [Double] {
        // One optimiser per half: the same update as one over both, without concatenating weights.
        var encoderAdam = Adam(learningRate: configuration.pretrainingLearningRate,
                               weightDecay: configuration.pretrainingWeightDecay)
        var decoderAdam = encoderAdam
        var losses: [Double] = []
        let epochs = configuration.pretrainingEpochs
        for epoch in 0..<epochs {
            var total = 0.0
            let batches = MiniBatches.epoch(count: samples.count, size: configuration.batchSize,
                                            mergingSingleton: mergingSingleton, generator: &generator)
            for batch in batches {
                let x = samples.samples(batch)
                let (code, encoderCaches) = encoder.forward(x, mode: .training)
                let (reconstruction, decoderCaches) = decoder.forward(code, mode: .training)
                let step = Self.reconstructionStep(reconstruction, target: x)
                total += step.loss
                let decoderGradients = decoder.backward(step.gradient, caches: decoderCaches, needsInputGradient: true)
                let encoderGradients = encoder.backward(decoderGradients.input!, caches: encoderCaches)
                decoderAdam.step(&decoder.weights, gradients: decoderGradients.weights)
                encoderAdam.step(&encoder.weights, gradients: encoderGradients.weights)
            }
            let loss = total / Double(batches.count)
            guard loss.isFinite else { throw .diverged(phase: .pretraining, epoch: epoch + 1) }
            losses.append(loss)
            progress(DeepSVDDProgress(phase: .pretraining, epoch: epoch + 1, epochCount: epochs, loss: loss))
        }
        return losses
    }

    /// The loss mean over samples of Σ (x̂ − x)² and its gradient 2(x̂ − x)/B.
    static func reconstructionStep(_ reconstruction: Tensor, target: Tensor) -> (loss: Double, gradient: Tensor) {
        precondition(reconstruction.shape == target.shape, "the decoder does not mirror the encoder")
        let b = Float(target.count)
        var sum = 0.0
        var gradient = reconstruction.values
        for i in gradient.indices {
            let diff = reconstruction.values[i] - target.values[i]
            sum += Double(diff) * Double(diff)
            gradient[i] = 2 * diff / b
        }
        return (sum / Double(target.count), Tensor(shape: target.shape, values: gradient))
    }
}
