/// How ``PlanarImage/resized(width:height:filter:)`` computes each output sample.
public enum ResizeFilter: Sendable, Hashable, CaseIterable {
    /// Two-tap linear interpolation at the output pixel's centre, `align_corners=False`:
    /// torch's `interpolate(mode="bilinear", antialias=False)`. Aliases when shrinking by more than 2×.
    case bilinear
    /// A triangle filter whose support grows with the shrink factor, weights normalised:
    /// torch's `interpolate(mode="bilinear", antialias=True)` and Pillow's `BILINEAR`
    /// (REFERENCE §7). Identical to `bilinear` when enlarging.
    case antialiasedBilinear
}
