import Testing
import Randomness
@testable import Scoring

/// Every layer's backward pass against central differences of L = Σ r ⊙ forward(x).
@Suite struct LayerGradientTests {
    typealias S = DeepSVDDTestSupport

    @Test func linearInputAndWeightGradients() {
        let layer = Linear(inputCount: 5, outputCount: 3)
        var g = SeededGenerator(seed: 1)
        let w = layer.initialWeights(generator: &g)
        let x = Tensor(shape: [4, 5], values: S.gaussian(20, seed: 2))
        let r = S.gaussian(12, seed: 3)
        let grads = layer.backward(Tensor(shape: [4, 3], values: r), input: x, weights: w, needsInputGradient: true)
        let dxError = S.gradientError(at: x.values, analytic: grads.input!.values) {
            S.dot(layer.forward(Tensor(shape: [4, 5], values: $0), weights: w).values, r)
        }
        let dwError = S.gradientError(at: w, analytic: grads.weights) {
            S.dot(layer.forward(x, weights: $0).values, r)
        }
        #expect(dxError < 1e-3)
        #expect(dwError < 1e-3)
    }

    @Test func linearForwardIsXTimesWTransposed() {
        let layer = Linear(inputCount: 2, outputCount: 3)
        let w: [Float] = [1, 2, 3, 4, 5, 6]  // rows are output units
        let y = layer.forward(Tensor(shape: [1, 2], values: [1, -1]), weights: w)
        #expect(y.values == [-1, -1, -1])
        #expect(y.shape == [1, 3])
    }

    @Test(arguments: [(5, 2), (3, 1), (3, 0)])
    func conv2dMatchesDirectConvolutionAndGradients(kernel: Int, padding: Int) {
        let layer = Conv2d(inputChannels: 2, outputChannels: 3, kernel: kernel, padding: padding)
        var g = SeededGenerator(seed: 4)
        let w = layer.initialWeights(generator: &g)
        let shape = [2, 2, 5, 6]
        let x = Tensor(shape: shape, values: S.gaussian(120, seed: 5))
        let y = layer.forward(x, weights: w)
        let (oh, ow) = (5 + 2 * padding - kernel + 1, 6 + 2 * padding - kernel + 1)
        #expect(y.shape == [2, 3, oh, ow])
        // Direct definition: y[n,o,i,j] = Σ w[o,c,a,b]·x[n,c,i+a−p,j+b−p].
        var worst: Float = 0
        for n in 0..<2 { for o in 0..<3 { for i in 0..<oh { for j in 0..<ow {
            var s: Float = 0
            for c in 0..<2 { for a in 0..<kernel { for b in 0..<kernel {
                let (yy, xx) = (i + a - padding, j + b - padding)
                guard yy >= 0, yy < 5, xx >= 0, xx < 6 else { continue }
                s += w[((o * 2 + c) * kernel + a) * kernel + b] * x.values[((n * 2 + c) * 5 + yy) * 6 + xx]
            } } }
            worst = max(worst, abs(s - y.values[((n * 3 + o) * oh + i) * ow + j]))
        } } } }
        #expect(worst < 1e-5)

        let r = S.gaussian(y.values.count, seed: 6)
        let grads = layer.backward(Tensor(shape: y.shape, values: r), input: x, weights: w, needsInputGradient: true)
        #expect(S.gradientError(at: x.values, analytic: grads.input!.values) {
            S.dot(layer.forward(Tensor(shape: shape, values: $0), weights: w).values, r)
        } < 2e-3)
        #expect(S.gradientError(at: w, analytic: grads.weights) {
            S.dot(layer.forward(x, weights: $0).values, r)
        } < 2e-3)
    }

    @Test func convTransposeIsTheAdjointOfConvolutionAndHasCorrectGradients() {
        // ConvTranspose2d(C→O) with weight W is the adjoint of Conv2d(O→C) with the same W:
        // ⟨convT(x), y⟩ = ⟨x, conv(y)⟩.
        let up = ConvTranspose2d(inputChannels: 3, outputChannels: 2, kernel: 5, padding: 2)
        let down = Conv2d(inputChannels: 2, outputChannels: 3, kernel: 5, padding: 2)
        var g = SeededGenerator(seed: 7)
        let w = up.initialWeights(generator: &g)
        let x = Tensor(shape: [2, 3, 4, 5], values: S.gaussian(120, seed: 8))
        let yShape = [2, 2, 4, 5]
        let y = Tensor(shape: yShape, values: S.gaussian(80, seed: 9))
        let lhs = S.dot(up.forward(x, weights: w).values, y.values)
        let rhs = S.dot(x.values, down.forward(y, weights: w).values)
        #expect(abs(lhs - rhs) < 1e-4 * max(1, abs(lhs)))
        #expect(up.forward(x, weights: w).shape == yShape)

        let grads = up.backward(y, input: x, weights: w, needsInputGradient: true)
        #expect(S.gradientError(at: x.values, analytic: grads.input!.values) {
            S.dot(up.forward(Tensor(shape: x.shape, values: $0), weights: w).values, y.values)
        } < 2e-3)
        #expect(S.gradientError(at: w, analytic: grads.weights) {
            S.dot(up.forward(x, weights: $0).values, y.values)
        } < 2e-3)
    }

    @Test(arguments: [[6, 4], [3, 2, 3, 4]])
    func batchNormTrainingAndInferenceGradients(shape: [Int]) {
        let count = shape.reduce(1, *)
        let x = Tensor(shape: shape, values: S.gaussian(count, seed: 10, scale: 2).map { $0 + 1 })
        let r = S.gaussian(count, seed: 11)
        let start = BatchNorm(channels: shape[1])
        for mode in [ForwardMode.training, .inference] {
            var bn = start
            let (_, cache) = bn.forward(x, mode: mode)
            let dx = bn.backward(Tensor(shape: shape, values: r), cache: cache)
            let error = S.gradientError(at: x.values, analytic: dx.values) {
                var probe = start
                return S.dot(probe.forward(Tensor(shape: shape, values: $0), mode: mode).0.values, r)
            }
            #expect(error < 2e-3, "mode \(mode)")
        }
    }

    @Test func batchNormStatisticsFollowPyTorch() {
        // One channel, values 1…4: mean 2.5, biased variance 1.25, unbiased 5/3.
        var bn = BatchNorm(channels: 1)
        let (y, _) = bn.forward(Tensor(shape: [4, 1], values: [1, 2, 3, 4]), mode: .training)
        let r = 1 / (1.25 + 1e-4 as Double).squareRoot()
        for (value, input) in zip(y.values, [1.0, 2, 3, 4]) { #expect(abs(Double(value) - (input - 2.5) * r) < 1e-6) }
        #expect(abs(bn.runningMean[0] - 0.25) < 1e-7)
        #expect(abs(bn.runningVariance[0] - (0.9 + 0.1 * 5.0 / 3)) < 1e-6)
        // Inference uses the running statistics and leaves them alone.
        let (z, _) = bn.forward(Tensor(shape: [1, 1], values: [0.25]), mode: .inference)
        #expect(abs(z.values[0]) < 1e-7)
        #expect(abs(bn.runningMean[0] - 0.25) < 1e-7)
    }

    @Test func leakyReLUForwardAndGradient() {
        let layer = LeakyReLU()
        // Keep inputs away from the kink so central differences are exact.
        let x = S.gaussian(30, seed: 12).map { $0 >= 0 ? $0 + 0.1 : $0 - 0.1 }
        let t = Tensor(shape: [5, 6], values: x)
        let y = layer.forward(t)
        #expect(layer.forward(Tensor(shape: [1, 2], values: [2, -3])).values == [2, -0.03])
        let r = S.gaussian(30, seed: 13)
        let dx = layer.backward(Tensor(shape: [5, 6], values: r), output: y)
        #expect(S.gradientError(at: x, analytic: dx.values) {
            S.dot(layer.forward(Tensor(shape: [5, 6], values: $0)).values, r)
        } < 1e-3)
    }

    @Test func maxPoolForwardAndGradient() {
        // Distinct values spaced far apart, so a ±h probe never changes a window's winner.
        var g = SeededGenerator(seed: 14)
        let x = (0..<60).map { Float($0) * 0.1 }.shuffled(seeded: &g)
        let shape = [2, 3, 2, 5]  // odd width: the last column is dropped
        let layer = MaxPool2d()
        let (y, cache) = layer.forward(Tensor(shape: shape, values: x))
        #expect(y.shape == [2, 3, 1, 2])
        #expect(y.values[0] == max(x[0], x[1], x[5], x[6]))
        let r = S.gaussian(y.values.count, seed: 15)
        let dx = layer.backward(Tensor(shape: y.shape, values: r), cache: cache)
        #expect(S.gradientError(at: x, analytic: dx.values, step: 1e-3) {
            S.dot(layer.forward(Tensor(shape: shape, values: $0)).0.values, r)
        } < 1e-3)
    }

    @Test func bilinearUpsamplingMatchesPyTorchAndItsAdjoint() {
        let layer = BilinearUpsample2d()
        let y = layer.forward(Tensor(shape: [1, 1, 2, 2], values: [1, 2, 3, 4]))
        // torch.nn.functional.interpolate(x, scale_factor=2, mode="bilinear", align_corners=False)
        let expected: [Float] = [1, 1.25, 1.75, 2, 1.5, 1.75, 2.25, 2.5, 2.5, 2.75, 3.25, 3.5, 3, 3.25, 3.75, 4]
        #expect(y.values == expected)
        let shape = [2, 2, 3, 4]
        let x = S.gaussian(48, seed: 16)
        let r = S.gaussian(192, seed: 17)
        let dx = layer.backward(Tensor(shape: [2, 2, 6, 8], values: r), inputShape: shape)
        #expect(S.gradientError(at: x, analytic: dx.values) {
            S.dot(layer.forward(Tensor(shape: shape, values: $0)).values, r)
        } < 1e-3)
    }

    @Test func sigmoidGradient() {
        let x = S.gaussian(12, seed: 18, scale: 2)
        let r = S.gaussian(12, seed: 19)
        let layer = Sigmoid()
        let y = layer.forward(Tensor(shape: [3, 4], values: x))
        let dx = layer.backward(Tensor(shape: [3, 4], values: r), output: y)
        #expect(S.gradientError(at: x, analytic: dx.values) {
            S.dot(layer.forward(Tensor(shape: [3, 4], values: $0)).values, r)
        } < 1e-3)
    }

    @Test func wholeConvolutionalNetworkGradients() {
        // conv → BN → leaky → pool → flatten → linear → BN: every cache and reshape on one path.
        var g = SeededGenerator(seed: 20)
        let net = Sequential(layers: [
            .conv2d(Conv2d(inputChannels: 1, outputChannels: 2, kernel: 5, padding: 2)),
            .batchNorm(BatchNorm(channels: 2)),
            .leakyReLU(LeakyReLU()),
            .maxPool2d(MaxPool2d()),
            .reshape(sampleShape: [8]),
            .linear(Linear(inputCount: 8, outputCount: 3)),
        ], generator: &g)
        let shape = [3, 1, 4, 4]
        let x = S.gaussian(48, seed: 21)
        var trained = net
        let (y, caches) = trained.forward(Tensor(shape: shape, values: x), mode: .training)
        let r = S.gaussian(y.values.count, seed: 22)
        let grads = trained.backward(Tensor(shape: y.shape, values: r), caches: caches, needsInputGradient: true)
        func loss(_ network: Sequential, _ input: [Float]) -> Double {
            var copy = network
            return S.dot(copy.forward(Tensor(shape: shape, values: input), mode: .training).output.values, r)
        }
        #expect(S.gradientError(at: x, analytic: grads.input!.values, step: 1e-3) { loss(net, $0) } < 1e-2)
        for slot in net.weights.indices {
            let error = S.gradientError(at: net.weights[slot], analytic: grads.weights[slot], step: 1e-3) {
                var probe = net
                probe.weights[slot] = $0
                return loss(probe, x)
            }
            #expect(error < 1e-2, "weights \(slot)")
        }
    }
}
