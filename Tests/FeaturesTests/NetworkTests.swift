import Imaging
import Randomness
import Testing
@testable import Features

@Suite struct NetworkTests {
    @Test func samePaddingFollowsTensorFlow() {
        // REFERENCE §7: a stride-2 3×3 on an even size pads 0 before and 1 after; a stride-2 5×5 pads 1 and 2.
        #expect(pad(256, 3, 2) == [128, 0])
        #expect(pad(64, 5, 2) == [32, 1])
        #expect(pad(15, 3, 2) == [8, 1])
        #expect(pad(8, 5, 1) == [8, 2])
        #expect(pad(1, 5, 2) == [1, 2])
    }

    @Test func depthwiseMatchesTheTextbookLoop() {
        var rng = SeededGenerator(seed: 3)
        for (channels, kernel, stride, h, w) in [(16, 3, 1, 7, 9), (12, 5, 2, 10, 7), (3, 3, 2, 1, 2), (40, 5, 1, 6, 6),
                                                     (24, 5, 2, 9, 23), (8, 3, 2, 4, 16), (16, 5, 1, 3, 3), (16, 5, 2, 2, 2), (32, 3, 1, 5, 12)] {
            let x = NaiveTensor(c: channels, h: h, w: w, v: (0..<channels * h * w).map { _ in rng.signedUnit() * 4 })
            let weights = (0..<channels * kernel * kernel).map { _ in rng.signedUnit() }
            let bias = (0..<channels).map { _ in rng.signedUnit() }
            var expected = Naive.conv(x, weight: weights, outputs: channels, kernel: kernel, stride: stride, groups: channels)
            for c in 0..<channels { for i in 0..<(expected.h * expected.w) {
                expected.v[c * expected.h * expected.w + i] = min(max(expected.v[c * expected.h * expected.w + i] + bias[c], 0), 6)
            } }
            var tapMajor = [Float](repeating: 0, count: weights.count)
            for c in 0..<channels { for t in 0..<(kernel * kernel) { tapMajor[t * channels + c] = weights[c * kernel * kernel + t] } }
            let conv = DepthwiseConv(channels: channels, kernel: kernel, stride: stride, weights: tapMajor, bias: bias)
            let out = conv(hwc(x))
            #expect(out.height == expected.h && out.width == expected.w)
            #expect(maxDifference(out, expected) < 1e-5, "\(channels) ch, \(kernel)×\(kernel)/\(stride) on \(h)×\(w)")
        }
    }

    @Test func pointwiseAddsBiasResidualAndActivation() throws {
        var rng = SeededGenerator(seed: 5)
        let (pixels, inputs, outputs) = (37, 13, 11)
        let x = (0..<pixels * inputs).map { _ in rng.signedUnit() }
        let w = (0..<inputs * outputs).map { _ in rng.signedUnit() }
        let b = (0..<outputs).map { _ in rng.signedUnit() }
        let r = (0..<pixels * outputs).map { _ in rng.signedUnit() }
        for (relu, residual) in [(true, false), (false, true)] {
            let conv = PointwiseConv(weights: .init(rows: inputs, columns: outputs, elements: w), bias: b, activation: relu)
            let out = conv(FeatureMap(height: pixels, width: 1, channels: inputs, values: x),
                           residual: residual ? FeatureMap(height: pixels, width: 1, channels: outputs, values: r) : nil)
            var worst: Float = 0
            for p in 0..<pixels { for o in 0..<outputs {
                var s = b[o] + (residual ? r[p * outputs + o] : 0)
                for i in 0..<inputs { s += x[p * inputs + i] * w[i * outputs + o] }
                if relu { s = min(max(s, 0), 6) }
                worst = max(worst, abs(s - out.values[p * outputs + o]))
            } }
            #expect(worst < 1e-5)
        }
    }

    /// The whole network, batch norms folded, against the plain one on odd-sized input with random weights.
    @Test func wholeNetworkMatchesThePlainImplementation() throws {
        let checkpoint = Naive.randomCheckpoint(seed: 1)
        let network = try EfficientNetLite0(checkpoint: checkpoint)
        var rng = SeededGenerator(seed: 2)
        let (h, w) = (37, 22)
        let input = NaiveTensor(c: 3, h: h, w: w, v: (0..<3 * h * w).map { _ in rng.signedUnit() * 2 })
        let expected = Naive.features(input, checkpoint)
        let got = network.features(preprocessed: PlanarImage(width: w, height: h, channels: 3, values: input.v))
        #expect(got.count == 1280)
        let scale = expected.map(abs).max() ?? 1
        let worst = zip(got, expected).map { abs($0 - $1) }.max() ?? .infinity
        #expect(scale > 0.01 && worst < 1e-4 * max(scale, 1), "max |Δ| \(worst) at scale \(scale)")
    }

    @Test func namesTheFirstMissingOrIllShapedTensor() {
        let full = Naive.randomCheckpoint(seed: 1)
        var tensors = full.tensors
        tensors["_blocks.7._bn1.running_var"] = nil
        let missing = TorchCheckpoint(source: "m.pth", digest: full.digest, keys: full.keys, tensors: tensors)
        #expect(throws: FeaturesError.missingTensor(source: "m.pth", key: "_blocks.7._bn1.running_var")) {
            try EfficientNetLite0(checkpoint: missing)
        }
        tensors = full.tensors
        tensors["_conv_head.weight"] = TorchTensor(shape: [1280, 320], elements: .float32([Float](repeating: 0, count: 1280 * 320)))
        let reshaped = TorchCheckpoint(source: "r.pth", digest: full.digest, keys: full.keys, tensors: tensors)
        #expect(throws: FeaturesError.badTensor(source: "r.pth", key: "_conv_head.weight",
                                                expected: "[1280, 320, 1, 1] float32", found: "[1280, 320] float32")) {
            try EfficientNetLite0(checkpoint: reshaped)
        }
    }

    @Test func countsAboutOneGigaflopAt256() throws {
        let network = try EfficientNetLite0(checkpoint: Naive.randomCheckpoint(seed: 1))
        let gflop = network.flops(height: 256, width: 256) / 1e9
        #expect(gflop > 0.95 && gflop < 1.05, "\(gflop)")
    }

    // MARK: helpers

    func pad(_ input: Int, _ kernel: Int, _ stride: Int) -> [Int] {
        let p = SamePadding(input: input, kernel: kernel, stride: stride)
        return [p.output, p.before]
    }

    func hwc(_ x: NaiveTensor) -> FeatureMap {
        var v = [Float](repeating: 0, count: x.v.count)
        for c in 0..<x.c { for y in 0..<x.h { for xx in 0..<x.w { v[(y * x.w + xx) * x.c + c] = x[c, y, xx] } } }
        return FeatureMap(height: x.h, width: x.w, channels: x.c, values: v)
    }

    func maxDifference(_ a: FeatureMap, _ b: NaiveTensor) -> Float {
        var worst: Float = 0
        for c in 0..<b.c { for y in 0..<b.h { for x in 0..<b.w {
            worst = max(worst, abs(a.values[(y * a.width + x) * a.channels + c] - b[c, y, x]))
        } } }
        return worst
    }
}
