// Photometric adjustments with torchvision's float-tensor semantics
// (`torchvision.transforms.v2.functional`): values are taken to be in [0, 1]
// and results are clamped to [0, 1] where torchvision clamps.

extension PlanarImage {
    /// Multiplies every value by `factor` and clamps (torchvision `adjust_brightness`).
    /// - Complexity: O(width × height × channels).
    public func adjustingBrightness(_ factor: Float) -> PlanarImage {
        mapped { clamp01($0 * factor) }
    }

    /// Blends with the mean grey level: factor·x + (1 − factor)·mean, clamped (torchvision `adjust_contrast`).
    ///
    /// The mean is over the luma 0.2989 R + 0.587 G + 0.114 B for three or more
    /// channels, over the single channel otherwise.
    /// - Complexity: O(width × height × channels).
    public func adjustingContrast(_ factor: Float) -> PlanarImage {
        let grey = luma()
        let mean = grey.reduce(Float(0), +) / Float(max(grey.count, 1))
        return mapped { clamp01(factor * $0 + (1 - factor) * mean) }
    }

    /// Blends each pixel with its own luma (torchvision `adjust_saturation`); grey images are unchanged.
    /// - Complexity: O(width × height × channels).
    public func adjustingSaturation(_ factor: Float) -> PlanarImage {
        guard channels >= 3 else { return self }
        var out = self
        let plane = pixelCount
        out.values.withUnsafeMutableBufferPointer { v in
            for p in 0..<plane {
                let r = v[p], g = v[plane + p], b = v[2 * plane + p]
                let grey = (1 - factor) * (0.2989 * r + 0.587 * g + 0.114 * b)
                v[p] = clamp01(factor * r + grey)
                v[plane + p] = clamp01(factor * g + grey)
                v[2 * plane + p] = clamp01(factor * b + grey)
            }
        }
        return out
    }

    /// Rotates hue by `shift` turns (torchvision `adjust_hue`, shift in [−0.5, 0.5]); grey images are unchanged.
    ///
    /// Values are clamped to [0, 1] before the HSV round trip, which is only defined there.
    /// - Complexity: O(width × height).
    public func adjustingHue(_ shift: Float) -> PlanarImage {
        precondition(abs(shift) <= 0.5, "hue shift must lie in [-0.5, 0.5]")
        guard channels >= 3 else { return self }
        var out = self
        let plane = pixelCount
        out.values.withUnsafeMutableBufferPointer { v in
            for p in 0..<plane {
                let (h, s, value) = rgbToHSV(clamp01(v[p]), clamp01(v[plane + p]), clamp01(v[2 * plane + p]))
                // h ∈ [0, 1) and |shift| ≤ 0.5, so one wrap either way suffices.
                var hue = h + shift
                if hue < 0 { hue += 1 } else if hue >= 1 { hue -= 1 }
                let (r, g, b) = hsvToRGB(hue, s, value)
                v[p] = r
                v[plane + p] = g
                v[2 * plane + p] = b
            }
        }
        return out
    }

    /// Replaces values ≥ `threshold` by 1 − value (torchvision `solarize`).
    /// - Complexity: O(width × height × channels).
    public func solarized(threshold: Float) -> PlanarImage {
        mapped { $0 >= threshold ? 1 - $0 : $0 }
    }

    /// Keeps `bits` bits: ⌊x·2^bits⌋ clamped to [0, 2^bits − 1], divided by 2^bits (torchvision v2 `posterize` on floats).
    /// - Complexity: O(width × height × channels).
    public func posterized(bits: Int) -> PlanarImage {
        precondition((0...8).contains(bits), "bits must be 0...8")
        let levels = 1 << bits
        let scale = Float(levels)
        // Clamping first makes the truncating conversion a floor (and maps NaN to 0).
        return mapped { Float(min(Int(clamp01($0) * scale), levels - 1)) / scale }
    }

    /// 1 − x (torchvision v2 `invert` on floats).
    /// - Complexity: O(width × height × channels).
    public func inverted() -> PlanarImage {
        mapped { 1 - $0 }
    }

    /// Stretches each channel to span [0, 1] (torchvision `autocontrast`); constant channels are unchanged.
    /// - Complexity: O(width × height × channels).
    public func autocontrasted() -> PlanarImage {
        var out = self
        let plane = pixelCount
        out.values.withUnsafeMutableBufferPointer { v in
            for c in 0..<channels {
                let range = c * plane..<(c + 1) * plane
                var low = Float.infinity
                var high = -Float.infinity
                for i in range {
                    low = min(low, v[i])
                    high = max(high, v[i])
                }
                guard high > low else { continue }
                let scale = 1 / (high - low)
                for i in range { v[i] = clamp01((v[i] - low) * scale) }
            }
        }
        return out
    }

    /// Blends with a 3 × 3 smoothed copy: factor·x + (1 − factor)·smooth, clamped (torchvision `adjust_sharpness`).
    ///
    /// The smoothing kernel is [1 1 1; 1 5 1; 1 1 1] / 13 and, as in
    /// torchvision, the one-pixel border keeps its original values.
    /// - Complexity: O(width × height × channels).
    public func adjustingSharpness(_ factor: Float) -> PlanarImage {
        guard width > 2 && height > 2 else { return self }
        var out = self
        let w = width
        let plane = pixelCount
        values.withUnsafeBufferPointer { src in
            out.values.withUnsafeMutableBufferPointer { dst in
                for c in 0..<channels {
                    let base = c * plane
                    for y in 1..<(height - 1) {
                        for x in 1..<(w - 1) {
                            let i = base + y * w + x
                            var sum = 4 * src[i]
                            sum += src[i - w - 1] + src[i - w] + src[i - w + 1]
                            sum += src[i - 1] + src[i] + src[i + 1]
                            sum += src[i + w - 1] + src[i + w] + src[i + w + 1]
                            let smooth = sum / 13
                            dst[i] = clamp01(factor * src[i] + (1 - factor) * smooth)
                        }
                    }
                }
            }
        }
        return out
    }

    /// The luma plane 0.2989 R + 0.587 G + 0.114 B (torchvision `rgb_to_grayscale`), or channel 0 for grey.
    func luma() -> [Float] {
        let plane = pixelCount
        guard channels >= 3 else { return Array(values[0..<plane]) }
        return values.withUnsafeBufferPointer { v in
            (0..<plane).map { p in 0.2989 * v[p] + 0.587 * v[plane + p] + 0.114 * v[2 * plane + p] }
        }
    }

    /// Applies `transform` to every value.
    func mapped(_ transform: (Float) -> Float) -> PlanarImage {
        var out = self
        out.values.withUnsafeMutableBufferPointer { v in
            for i in v.indices { v[i] = transform(v[i]) }
        }
        return out
    }
}

/// Clamps to [0, 1]; NaN becomes 0.
@inline(__always)
func clamp01(_ x: Float) -> Float {
    x > 0 ? (x < 1 ? x : 1) : 0
}

/// torchvision's `_rgb2hsv`: hue in [0, 1).
@inline(__always)
private func rgbToHSV(_ r: Float, _ g: Float, _ b: Float) -> (Float, Float, Float) {
    let maxc = max(max(r, g), b)
    let minc = min(min(r, g), b)
    let chroma = maxc - minc
    guard chroma > 0 else { return (0, 0, maxc) }
    let s = chroma / maxc
    // One reciprocal instead of three divisions; differs from torchvision by at most an ulp.
    let inverse = 1 / chroma
    let rc = (maxc - r) * inverse
    let gc = (maxc - g) * inverse
    let bc = (maxc - b) * inverse
    var h: Float
    if maxc == r {
        h = bc - gc
    } else if maxc == g {
        h = 2 + rc - bc
    } else {
        h = 4 + gc - rc
    }
    h = h / 6 + 1
    if h >= 1 { h -= 1 }
    return (h, s, maxc)
}

/// torchvision's `_hsv2rgb`.
@inline(__always)
private func hsvToRGB(_ h: Float, _ s: Float, _ v: Float) -> (Float, Float, Float) {
    let scaled = h * 6
    let sector = Int(scaled)  // h ≥ 0: truncation is the floor
    let f = scaled - Float(sector)
    let i = sector % 6
    let p = clamp01(v * (1 - s))
    let q = clamp01(v * (1 - s * f))
    let t = clamp01(v * (1 - s * (1 - f)))
    switch i {
    case 0: return (v, t, p)
    case 1: return (q, v, p)
    case 2: return (p, v, t)
    case 3: return (p, q, v)
    case 4: return (t, p, v)
    default: return (v, p, q)
    }
}
