import LinearAlgebra

extension FeatureMap {
    /// Resamples to `height` × `width` by bilinear interpolation with `align_corners=False`, no antialiasing,
    /// as torch's `F.interpolate(mode="bilinear")` does (anomalib's PatchCore enlarges its deeper layer so).
    ///
    /// Output index o reads the input at s = max((o + ½)·in/out − ½, 0), between ⌊s⌋ and
    /// min(⌊s⌋ + 1, in − 1), so the borders repeat the edge pixel. A side that keeps its size is copied.
    /// - Precondition: both sizes are positive.
    /// - Complexity: O(height × width × channels) of the output.
    public func resizedBilinear(height newHeight: Int, width newWidth: Int) -> FeatureMap {
        precondition(newHeight > 0 && newWidth > 0 && height > 0 && width > 0, "sizes must be positive")
        if newHeight == height && newWidth == width { return self }
        let c = channels
        var out = [Float](repeating: 0, count: newHeight * newWidth * c)
        values.withUnsafeBufferPointer { x in
            out.withUnsafeMutableBufferPointer { o in
                BilinearResampling.resample(x, height: height, width: width, channels: c, into: o, height: newHeight, width: newWidth)
            }
        }
        return FeatureMap(height: newHeight, width: newWidth, channels: c, values: out)
    }
}
