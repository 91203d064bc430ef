extension Sequential {
    /// Every array that determines the network's inference output, in layer order: a weighted
    /// layer contributes its weights, a batch-norm layer its running mean then running variance.
    var state: [[Float]] {
        var arrays: [[Float]] = []
        for (index, layer) in layers.enumerated() {
            if let slot = weightSlots[index] { arrays.append(weights[slot]) }
            if case let .batchNorm(bn) = layer { arrays += [bn.runningMean, bn.runningVariance] }
        }
        return arrays
    }

    /// The sizes `state` has for these layers, in the same order.
    var stateSizes: [Int] { Self.stateSizes(of: layers) }

    /// The sizes of the state arrays of `layers`, from their shapes alone (nothing is allocated).
    static func stateSizes(of layers: [Layer]) -> [Int] {
        layers.flatMap { layer -> [Int] in
            if let count = layer.weightCount { return [count] }
            if case let .batchNorm(bn) = layer { return [bn.channels, bn.channels] }
            return []
        }
    }

    /// A network with the given state instead of random weights, or nil if `state` does not fit `layers`.
    init?(layers: [Layer], state: [[Float]]) {
        guard state.map(\.count) == Self.stateSizes(of: layers) else { return nil }
        var weights: [[Float]] = [], next = 0
        for layer in layers {
            if layer.weightCount != nil { weights.append(state[next]); next += 1 }
            if case .batchNorm = layer { next += 2 }
        }
        self.init(layers: layers, weights: weights)
        guard restore(state) else { return nil }
    }

    /// Replaces weights and batch-norm statistics with `state` (as `state` returns them).
    /// - Returns: false, leaving the network unchanged, if the count or a size does not match.
    mutating func restore(_ state: [[Float]]) -> Bool {
        guard state.map(\.count) == stateSizes else { return false }
        var next = 0
        for index in layers.indices {
            if let slot = weightSlots[index] {
                weights[slot] = state[next]
                next += 1
            }
            if case var .batchNorm(bn) = layers[index] {
                bn.runningMean = state[next]
                bn.runningVariance = state[next + 1]
                layers[index] = .batchNorm(bn)
                next += 2
            }
        }
        return true
    }
}
