import Imaging

/// The anomaly source P while it is being augmented.
///
/// The noise source of a colour image has three identical colour planes, and
/// every augmentation keeps them identical (each treats the channels alike, and
/// saturation and hue of a grey pixel only clamp it). So such a source is
/// carried as one plane standing for R = G = B, which saves two thirds of the
/// work and gives the same values as the three planes would.
struct AnomalyPattern: Sendable {
    /// The planes: the source's own, or the one plane shared by R, G and B.
    var planes: PlanarImage
    /// Whether `planes` is a single plane standing for three identical colour channels.
    var isGreyRGB: Bool

    /// A pattern stored plane for plane.
    init(_ planes: PlanarImage) {
        self.planes = planes
        self.isGreyRGB = false
    }

    /// A pattern whose one plane stands for three identical colour channels.
    init(greyRGB plane: PlanarImage) {
        precondition(plane.channels == 1, "a grey RGB pattern is one plane")
        self.planes = plane
        self.isGreyRGB = true
    }

    /// Contrast as ``Imaging/PlanarImage/adjustingContrast(_:)`` would give on the pattern's colour channels.
    func adjustingContrast(_ factor: Float) -> AnomalyPattern {
        guard isGreyRGB else { return AnomalyPattern(planes.adjustingContrast(factor)) }
        // The mean of the luma 0.2989 R + 0.587 G + 0.114 B, with R = G = B, summed in the same order.
        var sum: Float = 0
        planes.values.withUnsafeBufferPointer { v in
            for x in v { sum = sum + (0.2989 * x + 0.587 * x + 0.114 * x) }
        }
        let mean = sum / Float(max(planes.pixelCount, 1))
        return mapped { clampUnit(factor * $0 + (1 - factor) * mean) }
    }

    /// Saturation as ``Imaging/PlanarImage/adjustingSaturation(_:)`` would give on the pattern's colour channels.
    func adjustingSaturation(_ factor: Float) -> AnomalyPattern {
        guard isGreyRGB else { return AnomalyPattern(planes.adjustingSaturation(factor)) }
        // Each channel blends with the pixel's luma, which for R = G = B is the same for all three.
        return mapped { x in clampUnit(factor * x + (1 - factor) * (0.2989 * x + 0.587 * x + 0.114 * x)) }
    }

    /// Hue as ``Imaging/PlanarImage/adjustingHue(_:)`` would give on the pattern's colour channels.
    func adjustingHue(_ shift: Float) -> AnomalyPattern {
        guard isGreyRGB else { return AnomalyPattern(planes.adjustingHue(shift)) }
        precondition(abs(shift) <= 0.5, "hue shift must lie in [-0.5, 0.5]")
        // A grey pixel has chroma 0: the HSV round trip returns its clamped value in every channel.
        return mapped(clampUnit)
    }

    /// Any operation that treats every plane alike.
    func map(_ operation: (PlanarImage) -> PlanarImage) -> AnomalyPattern {
        var out = self
        out.planes = operation(planes)
        return out
    }

    private func mapped(_ transform: (Float) -> Float) -> AnomalyPattern {
        var out = self
        out.planes.values.withUnsafeMutableBufferPointer { v in
            for i in v.indices { v[i] = transform(v[i]) }
        }
        return out
    }
}

/// Clamps to [0, 1], NaN to 0: the clamp of the Imaging adjustments.
@inline(__always)
func clampUnit(_ x: Float) -> Float {
    x > 0 ? (x < 1 ? x : 1) : 0
}
