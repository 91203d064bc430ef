import Foundation
import Testing
@testable import Scoring

@Suite struct AdamTests {
    /// The textbook update with L2 decay, in double precision:
    /// g ← g + λw; m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; w ← w − lr·m̂/(√v̂ + ε).
    private func reference(_ w0: Double, gradients: [Double], lr: Double, decay: Double) -> [Double] {
        var (w, m, v) = (w0, 0.0, 0.0)
        var trajectory: [Double] = []
        for (t, raw) in gradients.enumerated() {
            let g = raw + decay * w
            m = 0.9 * m + 0.1 * g
            v = 0.999 * v + 0.001 * g * g
            let mHat = m / (1 - pow(0.9, Double(t + 1)))
            let vHat = v / (1 - pow(0.999, Double(t + 1)))
            w -= lr * mHat / (vHat.squareRoot() + 1e-8)
            trajectory.append(w)
        }
        return trajectory
    }

    @Test func threeStepsMatchTheHandComputedUpdate() {
        var adam = Adam(learningRate: 0.1, weightDecay: 0.01)
        var weights: [[Float]] = [[1.0, -2.0], [0.5]]
        let gradients: [[[Float]]] = [[[0.5, 0.1], [-1]], [[-0.2, 0.1], [3]], [[0.05, 0], [0.25]]]
        var trajectory: [[[Float]]] = []
        for g in gradients {
            adam.step(&weights, gradients: g)
            trajectory.append(weights)
        }
        #expect(adam.stepCount == 3)
        // First step by hand: g = 0.5 + 0.01·1 = 0.51, m̂ = g, √v̂ = |g|, so w = 1 − 0.1·(1 − ε/0.51).
        #expect(abs(Double(trajectory[0][0][0]) - (1 - 0.1 * 0.51 / (0.51 + 1e-8))) < 1e-6)
        for (slot, index, w0) in [(0, 0, 1.0), (0, 1, -2.0), (1, 0, 0.5)] {
            let expected = reference(w0, gradients: gradients.map { Double($0[slot][index]) }, lr: 0.1, decay: 0.01)
            for t in 0..<3 {
                #expect(abs(Double(trajectory[t][slot][index]) - expected[t]) < 1e-6, "slot \(slot)[\(index)] step \(t)")
            }
        }
        // A zero gradient with no decay keeps moving on momentum alone (index 1 of slot 0, step 3).
        #expect(trajectory[2][0][1] != trajectory[1][0][1])
    }
}
