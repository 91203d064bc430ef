import Foundation

extension PlanarImage {
    /// Rotates about the image centre by `degrees` counter-clockwise, keeping the size.
    ///
    /// Follows torchvision's `rotate(img, angle, interpolation=BILINEAR, expand=False, fill=fill)`
    /// on float tensors:
    /// - the centre is ((width − 1)/2, (height − 1)/2) in pixel-centre coordinates;
    /// - output pixel offset (dx, dy) from the centre samples the input at
    ///   (cos θ·dx − sin θ·dy, sin θ·dx + cos θ·dy), y pointing down, so positive
    ///   angles turn the picture counter-clockwise on screen;
    /// - sampling is bilinear with zero padding (`grid_sample`, `align_corners=False`),
    ///   and then, as torchvision does when a fill is given, blended with the fill by
    ///   the sampled coverage m (the same interpolation applied to an all-ones plane):
    ///   out = (sample − fill)·m + fill. With fill 0 that is sample·m, so the border
    ///   fades slightly faster than plain zero padding.
    /// - Parameters:
    ///   - degrees: the angle; any finite value.
    ///   - fill: the value outside the rotated image, in every channel.
    /// - Complexity: O(width × height × channels).
    public func rotated(degrees: Double, fill: Float = 0) -> PlanarImage {
        precondition(degrees.isFinite, "angle must be finite")
        let radians = degrees * Double.pi / 180
        let cosine = Float(Foundation.cos(radians))
        let sine = Float(Foundation.sin(radians))
        return affineSampled(a: cosine, b: -sine, c: sine, d: cosine,
                             originX: Float(width - 1) / 2, originY: Float(height - 1) / 2, fill: fill)
    }

    /// Shears along x: output (x, y) reads input (x + factor·(y + 0.5), y).
    ///
    /// This is torchvision AutoAugment's `ShearX` (`affine` with shear
    /// atan(factor) about the image's top-left corner), sampled bilinearly with
    /// the same fill rule as ``rotated(degrees:fill:)``.
    /// - Complexity: O(width × height × channels).
    public func shearedHorizontally(by factor: Double, fill: Float = 0) -> PlanarImage {
        precondition(factor.isFinite, "shear must be finite")
        return affineSampled(a: 1, b: Float(factor), c: 0, d: 1, originX: -0.5, originY: -0.5, fill: fill)
    }
}
