import Randomness

/// A chain of layers with their weights: forward passes, backward passes, and seeded initialisation.
struct Sequential: Sendable, Hashable {
    /// The layers, input first.
    var layers: [Layer]
    /// The weights of each layer that has any, in layer order.
    var weights: [[Float]]
    /// For each layer, its index into `weights`, or nil.
    let weightSlots: [Int?]

    /// A network whose weights are drawn with PyTorch's default initialisation from `generator`.
    init(layers: [Layer], generator: inout SeededGenerator) {
        var weights: [[Float]] = []
        var slots: [Int?] = []
        for layer in layers {
            if let w = layer.initialWeights(generator: &generator) {
                slots.append(weights.count)
                weights.append(w)
            } else {
                slots.append(nil)
            }
        }
        self.layers = layers
        self.weights = weights
        self.weightSlots = slots
    }

    /// A network with the given weights, one array per weighted layer in order (sizes checked by the caller).
    init(layers: [Layer], weights: [[Float]]) {
        var slots: [Int?] = [], next = 0
        for layer in layers {
            if layer.weightCount != nil { slots.append(next); next += 1 } else { slots.append(nil) }
        }
        precondition(next == weights.count, "\(weights.count) weight arrays for \(next) weighted layers")
        self.layers = layers
        self.weights = weights
        self.weightSlots = slots
    }

    /// Total number of trainable weights.
    var parameterCount: Int { weights.reduce(0) { $0 + $1.count } }

    /// Runs the batch through every layer, keeping what the backward pass needs.
    ///
    /// In training mode batch-norm layers also update their running statistics.
    /// - Complexity: the sum of the layers' costs.
    mutating func forward(_ x: Tensor, mode: ForwardMode) -> (output: Tensor, caches: [LayerCache]) {
        var h = x
        var caches: [LayerCache] = []
        caches.reserveCapacity(layers.count)
        for index in layers.indices {
            let (next, cache) = step(index, h, mode: mode)
            caches.append(cache)
            h = next
        }
        return (h, caches)
    }

    /// Runs the batch through every layer in inference mode, keeping nothing.
    /// - Complexity: the sum of the layers' costs.
    func infer(_ x: Tensor) -> Tensor {
        var copy = self  // inference never mutates: the copy shares storage
        var h = x
        for index in layers.indices { h = copy.step(index, h, mode: .inference).0 }
        return h
    }

    private mutating func step(_ index: Int, _ x: Tensor, mode: ForwardMode) -> (Tensor, LayerCache) {
        switch layers[index] {
        case .linear, .conv2d, .convTranspose2d:
            return (layers[index].weighted!.forward(x, weights: weights[weightSlots[index]!]), .input(x))
        case var .batchNorm(l):
            let (y, cache) = l.forward(x, mode: mode)
            if mode == .training { layers[index] = .batchNorm(l) }
            return (y, .batchNorm(cache))
        case let .leakyReLU(l):
            let y = l.forward(x)
            return (y, .output(y))
        case let .maxPool2d(l):
            let (y, cache) = l.forward(x)
            return (y, .maxPool(cache))
        case let .upsample(l):
            return (l.forward(x), .shape(x.shape))
        case let .sigmoid(l):
            let y = l.forward(x)
            return (y, .output(y))
        case let .reshape(sampleShape):
            return (x.reshaped([x.count] + sampleShape), .shape(x.shape))
        }
    }

    /// Back-propagates `dy` (the loss gradient with respect to the output) through every layer.
    ///
    /// - Parameters:
    ///   - caches: what `forward` returned for the same batch.
    ///   - needsInputGradient: whether to compute the gradient with respect to the network's input
    ///     (an encoder under a decoder needs it; the first layer of a lone network does not).
    /// - Returns: the input gradient (when asked for) and the weight gradients, aligned with `weights`.
    /// - Complexity: about twice the forward pass.
    func backward(_ dy: Tensor, caches: [LayerCache], needsInputGradient: Bool = false)
        -> (input: Tensor?, weights: [[Float]])
    {
        precondition(caches.count == layers.count, "caches do not belong to this network")
        var gradients = [[Float]](repeating: [], count: weights.count)
        var g: Tensor? = dy
        for index in layers.indices.reversed() {
            guard let upstream = g else { break }
            let wantInput = index > 0 || needsInputGradient
            if let l = layers[index].weighted, case let .input(x) = caches[index] {
                let slot = weightSlots[index]!
                let r = l.backward(upstream, input: x, weights: weights[slot], needsInputGradient: wantInput)
                gradients[slot] = r.weights
                g = r.input
                continue
            }
            switch (layers[index], caches[index]) {
            case let (.batchNorm(l), .batchNorm(cache)):
                g = wantInput ? l.backward(upstream, cache: cache) : nil
            case let (.leakyReLU(l), .output(y)):
                g = wantInput ? l.backward(upstream, output: y) : nil
            case let (.maxPool2d(l), .maxPool(cache)):
                g = wantInput ? l.backward(upstream, cache: cache) : nil
            case let (.upsample(l), .shape(shape)):
                g = wantInput ? l.backward(upstream, inputShape: shape) : nil
            case let (.sigmoid(l), .output(y)):
                g = wantInput ? l.backward(upstream, output: y) : nil
            case let (.reshape, .shape(shape)):
                g = upstream.reshaped(shape)
            default:
                preconditionFailure("cache \(index) does not match its layer")
            }
        }
        return (needsInputGradient ? g : nil, gradients)
    }
}
