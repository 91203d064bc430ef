@testable import Features

extension Naive {
    /// Every tap of the plain network (CHW), for checking ``EfficientNetLite0/featureMaps(preprocessed:layers:)``.
    static func taps(_ input: NaiveTensor, _ ckpt: TorchCheckpoint) -> [EfficientNetLayer: NaiveTensor] {
        func weight(_ key: String) -> [Float] {
            guard case .float32(let v) = ckpt.tensors[key]!.elements else { fatalError() }
            return v
        }
        var out: [EfficientNetLayer: NaiveTensor] = [:]
        var x = batchNorm(conv(input, weight: weight("_conv_stem.weight"), outputs: 32, kernel: 3, stride: 2, groups: 1), ckpt, "_bn0", relu: true)
        out[.stem] = x
        for (i, s) in EfficientNetLite0.blockShapes.enumerated() {
            let p = "_blocks.\(i)."
            let skip = x
            if s.expansion != 1 {
                x = batchNorm(conv(x, weight: weight(p + "_expand_conv.weight"), outputs: s.hidden, kernel: 1, stride: 1, groups: 1), ckpt, p + "_bn0", relu: true)
            }
            x = batchNorm(conv(x, weight: weight(p + "_depthwise_conv.weight"), outputs: s.hidden, kernel: s.kernel, stride: s.stride, groups: s.hidden), ckpt, p + "_bn1", relu: true)
            x = batchNorm(conv(x, weight: weight(p + "_project_conv.weight"), outputs: s.outputs, kernel: 1, stride: 1, groups: 1), ckpt, p + "_bn2", relu: false)
            if s.stride == 1 && s.inputs == s.outputs { for j in x.v.indices { x.v[j] += skip.v[j] } }
            // Block indices that end stages 1…7 (REFERENCE §7: repeats 1, 2, 2, 3, 3, 4, 1).
            let ends: [Int: EfficientNetLayer] = [0: .stage1, 2: .stage2, 4: .stage3, 7: .stage4, 10: .stage5, 14: .stage6, 15: .stage7]
            if let layer = ends[i] { out[layer] = x }
        }
        out[.head] = batchNorm(conv(x, weight: weight("_conv_head.weight"), outputs: 1280, kernel: 1, stride: 1, groups: 1), ckpt, "_bn1", relu: true)
        return out
    }
}
