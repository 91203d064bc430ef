/// PatchCore's locally aware patch features from several feature maps of one image.
///
/// Each map is averaged over 3 × 3 neighbourhoods (``FeatureMap/averagePooled3x3()``); the
/// maps coarser than the finest one are enlarged to its grid bilinearly
/// (``FeatureMap/resizedBilinear(height:width:)``); then the channels are concatenated in
/// the order the maps are given. At `[stage3, stage5]` and 256 × 256 that is a 32 × 32 grid
/// of 40 + 112 = 152-d patches. anomalib enlarges to its first layer's grid instead of the
/// finest; the two agree whenever the first layer is the finest, as in its defaults and ours.
enum PatchEmbedding {
    /// The embedded grid: one row of `Σ channels` values per pixel of the finest map.
    /// - Precondition: at least one map.
    /// - Complexity: O(finest pixels × Σ channels).
    static func embed(_ maps: [FeatureMap]) -> FeatureMap {
        precondition(!maps.isEmpty, "at least one feature map")
        let finest = maps.max { $0.pixelCount < $1.pixelCount }!
        let (h, w) = (finest.height, finest.width)
        let widths = maps.map(\.channels)
        let d = widths.reduce(0, +)
        var out = [Float](repeating: 0, count: h * w * d)
        var offset = 0
        out.withUnsafeMutableBufferPointer { o in
            for map in maps {
                let pooled = map.averagePooled3x3().resizedBilinear(height: h, width: w)
                let c = map.channels
                pooled.values.withUnsafeBufferPointer { p in
                    for pixel in 0..<(h * w) {
                        for k in 0..<c { o[pixel * d + offset + k] = p[pixel * c + k] }
                    }
                }
                offset += c
            }
        }
        return FeatureMap(height: h, width: w, channels: d, values: out)
    }
}
