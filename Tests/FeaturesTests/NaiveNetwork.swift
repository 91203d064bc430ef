import Randomness
@testable import Features

/// A deliberately plain EfficientNet-Lite0 for checking the fast one: planar (CHW) tensors,
/// grouped convolutions by the textbook loop, batch norm applied as written (not folded),
/// and SAME padding computed from REFERENCE §7's formula inline.
struct NaiveTensor {
    var c: Int, h: Int, w: Int
    var v: [Float]
    subscript(c: Int, y: Int, x: Int) -> Float { v[(c * h + y) * w + x] }
}

enum Naive {
    static func conv(_ x: NaiveTensor, weight: [Float], outputs: Int, kernel k: Int, stride s: Int, groups: Int) -> NaiveTensor {
        let oh = (x.h + s - 1) / s, ow = (x.w + s - 1) / s
        let padY = max((oh - 1) * s + k - x.h, 0) / 2, padX = max((ow - 1) * s + k - x.w, 0) / 2
        let inPerGroup = x.c / groups, outPerGroup = outputs / groups
        var out = NaiveTensor(c: outputs, h: oh, w: ow, v: [Float](repeating: 0, count: outputs * oh * ow))
        for o in 0..<outputs {
            let g = o / outPerGroup
            for oy in 0..<oh {
                for ox in 0..<ow {
                    var sum: Double = 0
                    for i in 0..<inPerGroup {
                        for ky in 0..<k {
                            for kx in 0..<k {
                                let iy = oy * s - padY + ky, ix = ox * s - padX + kx
                                guard iy >= 0, iy < x.h, ix >= 0, ix < x.w else { continue }
                                sum += Double(x[g * inPerGroup + i, iy, ix]) * Double(weight[((o * inPerGroup + i) * k + ky) * k + kx])
                            }
                        }
                    }
                    out.v[(o * oh + oy) * ow + ox] = Float(sum)
                }
            }
        }
        return out
    }

    static func batchNorm(_ x: NaiveTensor, _ ckpt: TorchCheckpoint, _ prefix: String, relu: Bool) -> NaiveTensor {
        let f = { (name: String) in try! ckpt.floats(prefix + "." + name, shape: [x.c]) }
        let (w, b, m, v) = (f("weight"), f("bias"), f("running_mean"), f("running_var"))
        var out = x
        for c in 0..<x.c {
            for i in 0..<(x.h * x.w) {
                var y = (x.v[c * x.h * x.w + i] - m[c]) / (v[c] + 1e-3).squareRoot() * w[c] + b[c]
                if relu { y = min(max(y, 0), 6) }
                out.v[c * x.h * x.w + i] = y
            }
        }
        return out
    }

    static func features(_ input: NaiveTensor, _ ckpt: TorchCheckpoint) -> [Float] {
        func weight(_ key: String) -> [Float] {
            guard case .float32(let v) = ckpt.tensors[key]!.elements else { fatalError() }
            return v
        }
        var x = batchNorm(conv(input, weight: weight("_conv_stem.weight"), outputs: 32, kernel: 3, stride: 2, groups: 1), ckpt, "_bn0", relu: true)
        for (i, s) in EfficientNetLite0.blockShapes.enumerated() {
            let p = "_blocks.\(i)."
            let skip = x
            if s.expansion != 1 {
                x = batchNorm(conv(x, weight: weight(p + "_expand_conv.weight"), outputs: s.hidden, kernel: 1, stride: 1, groups: 1), ckpt, p + "_bn0", relu: true)
            }
            x = batchNorm(conv(x, weight: weight(p + "_depthwise_conv.weight"), outputs: s.hidden, kernel: s.kernel, stride: s.stride, groups: s.hidden), ckpt, p + "_bn1", relu: true)
            x = batchNorm(conv(x, weight: weight(p + "_project_conv.weight"), outputs: s.outputs, kernel: 1, stride: 1, groups: 1), ckpt, p + "_bn2", relu: false)
            if s.stride == 1 && s.inputs == s.outputs { for j in x.v.indices { x.v[j] += skip.v[j] } }
        }
        x = batchNorm(conv(x, weight: weight("_conv_head.weight"), outputs: 1280, kernel: 1, stride: 1, groups: 1), ckpt, "_bn1", relu: true)
        let n = x.h * x.w
        return (0..<x.c).map { c in x.v[c * n..<(c + 1) * n].reduce(0, +) / Float(n) }
    }

    /// Every key of the real state dict, filled with seeded random values of sensible scale.
    static func randomCheckpoint(seed: UInt64) -> TorchCheckpoint {
        var rng = SeededGenerator(seed: seed)
        var tensors: [String: TorchTensor] = [:]
        var keys: [String] = []
        func add(_ key: String, _ shape: [Int], _ make: (inout SeededGenerator) -> Float) {
            let n = shape.reduce(1, *)
            tensors[key] = TorchTensor(shape: shape, elements: .float32((0..<n).map { _ in make(&rng) }))
            keys.append(key)
        }
        func conv(_ key: String, _ o: Int, _ i: Int, _ k: Int) {
            let scale = 1.7 / Float(i * k * k).squareRoot()
            add(key, [o, i, k, k]) { $0.signedUnit() * scale }
        }
        func bn(_ prefix: String, _ c: Int) {
            add(prefix + ".weight", [c]) { 0.5 + 0.5 * abs($0.signedUnit()) }
            add(prefix + ".bias", [c]) { 0.2 * $0.signedUnit() }
            add(prefix + ".running_mean", [c]) { 0.1 * $0.signedUnit() }
            add(prefix + ".running_var", [c]) { 0.5 + abs($0.signedUnit()) }
            tensors[prefix + ".num_batches_tracked"] = TorchTensor(shape: [], elements: .int64([1]))
        }
        conv("_conv_stem.weight", 32, 3, 3); bn("_bn0", 32)
        for (i, s) in EfficientNetLite0.blockShapes.enumerated() {
            let p = "_blocks.\(i)."
            if s.expansion != 1 { conv(p + "_expand_conv.weight", s.hidden, s.inputs, 1); bn(p + "_bn0", s.hidden) }
            conv(p + "_depthwise_conv.weight", s.hidden, 1, s.kernel); bn(p + "_bn1", s.hidden)
            conv(p + "_project_conv.weight", s.outputs, s.hidden, 1); bn(p + "_bn2", s.outputs)
        }
        conv("_conv_head.weight", 1280, 320, 1); bn("_bn1", 1280)
        return TorchCheckpoint(source: "random", digest: String(repeating: "0", count: 64), keys: keys, tensors: tensors)
    }
}
