import Foundation

/// The Adam optimiser with L2 weight decay, step for step as PyTorch's `Adam(weight_decay:)` computes it.
///
/// Weight decay is added to the gradient (g ← g + λ·w) before the moments, so it
/// is an L2 penalty λ/2·‖w‖² rescaled by Adam, not AdamW's decoupled decay. The
/// update is w ← w − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε).
struct Adam: Sendable, Hashable {
    var learningRate: Float
    var beta1: Float = 0.9
    var beta2: Float = 0.999
    var epsilon: Float = 1e-8
    var weightDecay: Float = 0
    /// Number of completed steps (t).
    private(set) var stepCount = 0
    private var firstMoments: [[Float]] = []
    private var secondMoments: [[Float]] = []

    init(learningRate: Float, weightDecay: Float = 0) {
        self.learningRate = learningRate
        self.weightDecay = weightDecay
    }

    /// Updates every weight array once from its gradient; the arrays must keep their sizes between steps.
    /// - Complexity: O(total number of weights).
    mutating func step(_ weights: inout [[Float]], gradients: [[Float]]) {
        precondition(weights.count == gradients.count, "one gradient per weight array")
        if firstMoments.isEmpty {
            firstMoments = weights.map { [Float](repeating: 0, count: $0.count) }
            secondMoments = firstMoments
        }
        stepCount += 1
        // PyTorch forms the bias corrections in double precision and applies them as scalars.
        let t = Double(stepCount)
        let stepSize = Float(Double(learningRate) / (1 - Foundation.pow(Double(beta1), t)))
        let correction2 = Float((1 - Foundation.pow(Double(beta2), t)).squareRoot())
        let (b1, b2, eps, decay) = (beta1, beta2, epsilon, weightDecay)
        for slot in weights.indices {
            precondition(weights[slot].count == gradients[slot].count, "gradient \(slot) has the wrong size")
            gradients[slot].withUnsafeBufferPointer { g in
                weights[slot].withUnsafeMutableBufferPointer { w in
                    firstMoments[slot].withUnsafeMutableBufferPointer { m in
                        secondMoments[slot].withUnsafeMutableBufferPointer { v in
                            for i in 0..<w.count {
                                let gi = g[i] + decay * w[i]
                                m[i] = b1 * m[i] + (1 - b1) * gi
                                v[i] = b2 * v[i] + (1 - b2) * gi * gi
                                w[i] -= stepSize * m[i] / (v[i].squareRoot() / correction2 + eps)
                            }
                        }
                    }
                }
            }
        }
    }
}
