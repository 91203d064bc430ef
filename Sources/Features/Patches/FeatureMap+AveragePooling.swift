extension FeatureMap {
    /// The mean over each pixel's 3 × 3 neighbourhood, stride 1, zero padding 1, always divided by 9.
    ///
    /// This is torch's `AvgPool2d(3, 1, 1)` with its default `count_include_pad=True`, the pooling
    /// anomalib's PatchCore applies to every layer: border pixels average in the zero padding, so an
    /// edge pixel of a constant map reads 6/9 of the value and a corner 4/9.
    /// - Complexity: O(height × width × channels), two separable passes.
    public func averagePooled3x3() -> FeatureMap {
        let (h, w, c) = (height, width, channels)
        var rowSums = [Float](repeating: 0, count: values.count)
        var out = [Float](repeating: 0, count: values.count)
        values.withUnsafeBufferPointer { x in
            rowSums.withUnsafeMutableBufferPointer { r in
                for y in 0..<h {
                    for px in 0..<w {
                        let o = (y * w + px) * c
                        for dx in max(0, px - 1)...min(w - 1, px + 1) {
                            let i = (y * w + dx) * c
                            for k in 0..<c { r[o + k] += x[i + k] }
                        }
                    }
                }
            }
        }
        rowSums.withUnsafeBufferPointer { r in
            out.withUnsafeMutableBufferPointer { o in
                for y in 0..<h {
                    for dy in max(0, y - 1)...min(h - 1, y + 1) {
                        let source = dy * w * c, target = y * w * c
                        for k in 0..<(w * c) { o[target + k] += r[source + k] }
                    }
                }
                for k in 0..<o.count { o[k] /= 9 }
            }
        }
        return FeatureMap(height: h, width: w, channels: c, values: out)
    }
}
