extension PlanarImage {
    /// Samples every channel through an inverse linear map about `origin`, torchvision style.
    ///
    /// Output pixel p (pixel-centre coordinates, y down) reads the input at
    /// origin + [a b; c d]·(p − origin), bilinearly with zero padding
    /// (`grid_sample`, `align_corners=False`), and is then blended with `fill`
    /// by the sampled coverage m, as torchvision does when a fill is given:
    /// out = (sample − fill)·m + fill.
    /// - Complexity: O(width × height × channels).
    func affineSampled(a: Float, b: Float, c: Float, d: Float, originX: Float, originY: Float, fill: Float) -> PlanarImage {
        let w = width
        let h = height
        let plane = w * h
        let channels = self.channels
        var out = [Float](repeating: fill, count: plane * channels)
        values.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<h {
                    let dy = Float(y) - originY
                    let rowX = originX + b * dy
                    let rowY = originY + d * dy
                    // Source coordinates are linear in x: sx = rowX + a·(x − originX), sy = rowY + c·(x − originX).
                    let interior = Self.interiorRun(width: w, height: h, startX: rowX - a * originX, stepX: a,
                                                    startY: rowY - c * originX, stepY: c)
                    for x in 0..<w where !interior.contains(x) {
                        let dx = Float(x) - originX
                        Self.sampleBorderPixel(src: src, dst: dst, index: y * w + x, sx: rowX + a * dx, sy: rowY + c * dx,
                                               width: w, height: h, channels: channels, fill: fill)
                    }
                    for x in interior {
                        let dx = Float(x) - originX
                        let sx = rowX + a * dx
                        let sy = rowY + c * dx
                        // The run keeps a one-pixel margin, so sx, sy ≥ 1 − rounding and truncation is the
                        // floor; the clamps only guard memory against that rounding.
                        let x0 = min(max(Int(sx), 0), w - 2)
                        let y0 = min(max(Int(sy), 0), h - 2)
                        let ax = sx - Float(x0)
                        let ay = sy - Float(y0)
                        let w00 = (1 - ax) * (1 - ay), w10 = ax * (1 - ay), w01 = (1 - ax) * ay, w11 = ax * ay
                        let i00 = y0 * w + x0
                        for ch in 0..<channels {
                            let s = src.baseAddress! + ch * plane + i00
                            dst[ch * plane + y * w + x] = w00 * s[0] + w10 * s[1] + w01 * s[w] + w11 * s[w + 1]
                        }
                    }
                }
            }
        }
        return PlanarImage(width: w, height: h, channels: channels, values: out)
    }

    /// The x range (possibly empty) where 1 ≤ sx ≤ width − 2 and 1 ≤ sy ≤ height − 2:
    /// all four bilinear corners are inside with a pixel to spare for rounding.
    static func interiorRun(width: Int, height: Int, startX: Float, stepX: Float, startY: Float, stepY: Float) -> Range<Int> {
        guard width >= 4 && height >= 4 else { return 0..<0 }
        var low = 0.0
        var high = Double(width - 1)
        func restrict(_ start: Float, _ step: Float, _ lo: Double, _ hi: Double) {
            let p = Double(start), q = Double(step)
            if abs(q) < 1e-9 {
                if p < lo || p > hi { high = -1 }
                return
            }
            let x1 = (lo - p) / q, x2 = (hi - p) / q
            low = max(low, min(x1, x2))
            high = min(high, max(x1, x2))
        }
        restrict(startX, stepX, 1, Double(width - 2))
        restrict(startY, stepY, 1, Double(height - 2))
        guard high >= low else { return 0..<0 }
        let first = Int(low.rounded(.up))
        let last = Int(high.rounded(.down))
        return first <= last ? first..<(last + 1) : 0..<0
    }

    /// One pixel near or beyond the border: zero-padded bilinear sample blended with the fill by coverage.
    @inline(__always)
    private static func sampleBorderPixel(src: UnsafeBufferPointer<Float>, dst: UnsafeMutableBufferPointer<Float>, index: Int,
                                          sx: Float, sy: Float, width w: Int, height h: Int, channels: Int, fill: Float) {
        // Entirely outside (no corner can be inside): keep the fill already there.
        guard sx > -1, sy > -1, sx < Float(w), sy < Float(h) else { return }
        let plane = w * h
        // sx, sy > −1, so truncating sx + 1 is the floor plus one; this avoids
        // `rounded(.down)`, a library call on baseline x86-64. The sum can round
        // up to the next integer (sx just below w gives w), hence the correction.
        var x0 = Int(sx + 1) - 1
        var y0 = Int(sy + 1) - 1
        if Float(x0) > sx { x0 -= 1 }
        if Float(y0) > sy { y0 -= 1 }
        let ax = sx - Float(x0)
        let ay = sy - Float(y0)
        let i00 = y0 * w + x0
        // Corner weights, zeroed for corners outside the image.
        let inX0 = x0 >= 0, inX1 = x0 + 1 < w, inY0 = y0 >= 0, inY1 = y0 + 1 < h
        let w00: Float = (inX0 && inY0) ? (1 - ax) * (1 - ay) : 0
        let w10: Float = (inX1 && inY0) ? ax * (1 - ay) : 0
        let w01: Float = (inX0 && inY1) ? (1 - ax) * ay : 0
        let w11: Float = (inX1 && inY1) ? ax * ay : 0
        let coverage = w00 + w10 + w01 + w11
        for ch in 0..<channels {
            let base = ch * plane
            var sample: Float = 0
            if w00 != 0 { sample += w00 * src[base + i00] }
            if w10 != 0 { sample += w10 * src[base + i00 + 1] }
            if w01 != 0 { sample += w01 * src[base + i00 + w] }
            if w11 != 0 { sample += w11 * src[base + i00 + w + 1] }
            dst[base + index] = (sample - fill) * coverage + fill
        }
    }
}
