extension PlanarImage {
    /// Histogram equalisation per channel, torchvision's `equalize` on 8-bit levels.
    ///
    /// Values are quantised to 256 levels (round to nearest after clamping to
    /// [0, 1]); with step = ⌊(pixels − count of the last occupied level) / 255⌋,
    /// level i maps to ⌊(cdf(i − 1) + ⌊step/2⌋) / step⌋ clamped to 255, and a
    /// channel with step 0 (one dominant level) is returned unchanged.
    /// - Complexity: O(width × height × channels).
    public func equalized() -> PlanarImage {
        var out = self
        let plane = pixelCount
        out.values.withUnsafeMutableBufferPointer { v in
            var levels = [UInt8](repeating: 0, count: plane)
            var histogram = [Int](repeating: 0, count: 256)
            for c in 0..<channels {
                let base = c * plane
                for i in 0..<256 { histogram[i] = 0 }
                levels.withUnsafeMutableBufferPointer { levels in
                    histogram.withUnsafeMutableBufferPointer { histogram in
                        for p in 0..<plane {
                            // clamp01 bounds the product to [0, 255.5), so the level fits a byte.
                            let level = UInt8(clamp01(v[base + p]) * 255 + 0.5)
                            levels[p] = level
                            histogram[Int(level)] += 1
                        }
                    }
                }
                guard let last = histogram.lastIndex(where: { $0 != 0 }) else { continue }
                let step = (plane - histogram[last]) / 255
                guard step > 0 else { continue }
                var lookup = [Float](repeating: 0, count: 256)
                var cumulative = 0
                for i in 0..<256 {
                    lookup[i] = Float(min((cumulative + step / 2) / step, 255)) / 255
                    cumulative += histogram[i]
                }
                for p in 0..<plane { v[base + p] = lookup[Int(levels[p])] }
            }
        }
        return out
    }
}
