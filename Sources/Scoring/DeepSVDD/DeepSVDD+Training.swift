import Randomness

extension DeepSVDD {
    /// Trains Deep SVDD on good samples only: optional autoencoder pre-training, the centre c
    /// from the mean initial representation, then Adam on the one-class or soft-boundary loss.
    ///
    /// Everything random (initialisation, mini-batch order) comes from `configuration.seed`,
    /// and every sum runs in a fixed order, so the same inputs and seed give the same model,
    /// byte for byte.
    ///
    /// - Parameters:
    ///   - samples: N good samples of `architecture.sampleShape` (N ≥ 2).
    ///   - architecture: the network φ.
    ///   - configuration: objective and hyper-parameters.
    ///   - progress: called after every epoch of each phase, on the calling thread.
    /// - Returns: the model, per-epoch losses and warnings (a collapse warning when every
    ///   training distance ends below 1e-6·‖c‖²).
    /// - Throws: `DeepSVDDError` for an invalid configuration, a shape mismatch, too few samples,
    ///   non-finite values, an all-zero centre, or a loss that diverges.
    /// - Complexity: O((pretrainingEpochs + epochs) · N) network evaluations, each forward and backward.
    public static func train(
        on samples: Tensor, architecture: DeepSVDDArchitecture,
        configuration: DeepSVDDConfiguration = DeepSVDDConfiguration(),
        progress: (DeepSVDDProgress) -> Void = { _ in }
    ) throws(DeepSVDDError) -> DeepSVDDTrainingResult {
        try configuration.validate()
        try architecture.validate()
        try validate(samples, architecture: architecture)
        guard samples.count > 0 else { throw .emptyTrainingSet }
        guard samples.count >= 2 else { throw .tooFewSamples(minimum: 2, actual: samples.count) }

        // One independent stream per purpose, so that changing the number of epochs of
        // one phase does not change the initialisation or the other phase's batch order.
        var root = SeededGenerator(seed: configuration.seed)
        var initialisation = root.split()
        var pretrainingOrder = root.split()
        var trainingOrder = root.split()

        var network = Sequential(layers: architecture.encoderLayers(), generator: &initialisation)
        var pretrainingLosses: [Double] = []
        if configuration.pretrainingEpochs > 0 {
            var autoencoder = DeepSVDDAutoencoder(
                encoder: network, decoder: Sequential(layers: architecture.decoderLayers(), generator: &initialisation))
            pretrainingLosses = try autoencoder.train(
                on: samples, configuration: configuration, mergingSingleton: architecture.normalisesFeatureVectors,
                generator: &pretrainingOrder, progress: progress)
            network = autoencoder.encoder
        }

        let mean = DeepSVDDCenter.meanRepresentation(of: network, samples: samples, chunk: architecture.inferenceChunk)
        let center = try DeepSVDDCenter.fromMean(mean, epsilon: configuration.centerEpsilon)
        var radius = 0.0
        var lastEpochDistances: [Double] = []
        let losses = try optimise(&network, radius: &radius, lastEpochDistances: &lastEpochDistances, center: center,
                                  samples: samples, configuration: configuration,
                                  mergingSingleton: architecture.normalisesFeatureVectors, generator: &trainingOrder,
                                  progress: progress)

        let model = DeepSVDD(architecture: architecture, objective: configuration.objective, center: center,
                             radius: radius, network: network)
        // Collapse shows first in training mode (batch statistics); with small batches the running
        // statistics used for scoring lag behind, so both views are checked.
        let warnings = [collapseWarning(distances: lastEpochDistances, center: center)
                            ?? collapseWarning(distances: model.squaredDistances(samples), center: center)]
            .compactMap { $0 }
        return DeepSVDDTrainingResult(model: model, losses: losses, pretrainingLosses: pretrainingLosses,
                                      warnings: warnings)
    }

    /// A warning when every given distance is at most 1e-6·‖c‖²: the network has collapsed
    /// onto the centre, and its scores no longer say anything about the input.
    static func collapseWarning(distances: [Double], center: [Float]) -> String? {
        let scale = center.reduce(0.0) { $0 + Double($1) * Double($1) }
        guard let largest = distances.max(), largest <= 1e-6 * scale else { return nil }
        return "hypersphere collapse: every training distance is at most \(largest), below 1e-6·‖c‖² "
            + "(‖c‖² = \(scale)), so the scores carry no information; train fewer epochs, pre-train, or add data"
    }

    /// The Deep SVDD loop: Adam on the objective for `configuration.epochs` epochs.
    ///
    /// `lastEpochDistances` receives the training-mode squared distances seen in the final epoch.
    private static func optimise(
        _ network: inout Sequential, radius: inout Double, lastEpochDistances: inout [Double],
        center: [Float], samples: Tensor,
        configuration: DeepSVDDConfiguration, mergingSingleton: Bool, generator: inout SeededGenerator,
        progress: (DeepSVDDProgress) -> Void
    ) throws(DeepSVDDError) -> [Double] {
        var adam = Adam(learningRate: configuration.learningRate, weightDecay: configuration.weightDecay)
        var losses: [Double] = []
        for epoch in 0..<configuration.epochs {
            var total = 0.0
            lastEpochDistances.removeAll(keepingCapacity: true)
            let batches = MiniBatches.epoch(count: samples.count, size: configuration.batchSize,
                                            mergingSingleton: mergingSingleton, generator: &generator)
            for batch in batches {
                let (output, caches) = network.forward(samples.samples(batch), mode: .training)
                let step = objectiveStep(output, center: center, radius: radius, objective: configuration.objective)
                total += step.loss
                lastEpochDistances += step.distances
                let gradients = network.backward(step.gradient, caches: caches).weights
                adam.step(&network.weights, gradients: gradients)
                if case let .softBoundary(nu) = configuration.objective, epoch >= configuration.warmUpEpochs {
                    radius = linearQuantile(step.distances.map { $0.squareRoot() }, 1 - nu)
                }
            }
            let loss = total / Double(batches.count)
            guard loss.isFinite else { throw .diverged(phase: .training, epoch: epoch + 1) }
            losses.append(loss)
            progress(DeepSVDDProgress(phase: .training, epoch: epoch + 1, epochCount: configuration.epochs, loss: loss))
        }
        return losses
    }

    /// The batch loss, its gradient with respect to the network's output, and the squared distances.
    ///
    /// One-class: mean ‖φ − c‖², gradient 2(φ − c)/B. Soft-boundary: R² + (1/ν)·mean(max(0, ‖φ − c‖² − R²)),
    /// gradient 2(φ − c)/(νB) for the samples outside the sphere and 0 inside.
    static func objectiveStep(_ output: Tensor, center: [Float], radius: Double, objective: DeepSVDDObjective)
        -> (loss: Double, gradient: Tensor, distances: [Double])
    {
        let distances = squaredDistances(output, center: center)
        let b = Double(output.count)
        let d = center.count
        let loss: Double
        let scales: [Float]
        switch objective {
        case .oneClass:
            loss = distances.reduce(0, +) / b
            scales = Array(repeating: Float(2 / b), count: output.count)
        case let .softBoundary(nu):
            let r2 = radius * radius
            loss = r2 + distances.reduce(0) { $0 + max(0, $1 - r2) } / (nu * b)
            scales = distances.map { $0 > r2 ? Float(2 / (nu * b)) : 0 }
        }
        var gradient = output.values
        for i in 0..<output.count {
            for j in 0..<d { gradient[i * d + j] = scales[i] * (gradient[i * d + j] - center[j]) }
        }
        return (loss, Tensor(shape: output.shape, values: gradient), distances)
    }
}
