/// Per-channel standardisation: (value − mean[c]) / std[c].
public struct ChannelNormalization: Sendable, Hashable {
    public let mean: [Float]
    public let standardDeviation: [Float]

    /// - Precondition: equal, non-empty lengths and positive standard deviations.
    public init(mean: [Float], standardDeviation: [Float]) {
        precondition(!mean.isEmpty && mean.count == standardDeviation.count, "mean and std need one entry per channel")
        precondition(standardDeviation.allSatisfy { $0 > 0 }, "standard deviations must be positive")
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// The ImageNet statistics torchvision models expect: mean (0.485, 0.456, 0.406), std (0.229, 0.224, 0.225).
    public static let imageNet = ChannelNormalization(mean: [0.485, 0.456, 0.406], standardDeviation: [0.229, 0.224, 0.225])

    /// Normalises `image`, whose channel count must match.
    ///
    /// Divides rather than multiplying by a reciprocal, as torchvision's
    /// `normalize` does, so results agree to the last bit on the same floats.
    /// - Complexity: O(width × height × channels).
    public func apply(to image: PlanarImage) -> PlanarImage {
        precondition(image.channels == mean.count, "normalisation has \(mean.count) channels, image has \(image.channels)")
        var result = image
        let plane = image.pixelCount
        result.values.withUnsafeMutableBufferPointer { v in
            for c in 0..<mean.count {
                let m = mean[c]
                let s = standardDeviation[c]
                for i in c * plane..<(c + 1) * plane { v[i] = (v[i] - m) / s }
            }
        }
        return result
    }
}

extension PlanarImage {
    /// This image standardised per channel (see ``ChannelNormalization``).
    public func normalized(_ normalization: ChannelNormalization = .imageNet) -> PlanarImage {
        normalization.apply(to: self)
    }
}
