import Imaging

extension InputGeometry {
    /// A map drawn over the network input (an anomaly map, say), carried back onto the original image.
    ///
    /// Each original pixel x is located in the resized image at s = (x + ½)·resized/original − ½,
    /// shifted by the crop offset; inside the crop it reads the map bilinearly (edges repeat, like
    /// torch's `align_corners=False`), outside it is 0. Without a crop this is torch's
    /// `F.interpolate(map, size=original, mode="bilinear")`.
    /// - Precondition: `map` is ``inputWidth`` × ``inputHeight`` (any number of channels).
    /// - Complexity: O(original pixels × channels).
    public func toOriginal(_ map: PlanarImage) -> PlanarImage {
        precondition(map.width == inputWidth && map.height == inputHeight,
                     "map is \(map.width)×\(map.height), the network input was \(inputWidth)×\(inputHeight)")
        let cols = Self.backTaps(original: originalWidth, resized: resizedWidth, crop: cropX, input: inputWidth)
        let rows = Self.backTaps(original: originalHeight, resized: resizedHeight, crop: cropY, input: inputHeight)
        let (w, h) = (originalWidth, originalHeight)
        var out = [Float](repeating: 0, count: w * h * map.channels)
        map.values.withUnsafeBufferPointer { m in
            out.withUnsafeMutableBufferPointer { o in
                for c in 0..<map.channels {
                    let plane = c * inputWidth * inputHeight
                    for y in 0..<h {
                        guard let (y0, y1, ly) = rows[y] else { continue }
                        for x in 0..<w {
                            guard let (x0, x1, lx) = cols[x] else { continue }
                            let top = (1 - lx) * m[plane + y0 * inputWidth + x0] + lx * m[plane + y0 * inputWidth + x1]
                            let bottom = (1 - lx) * m[plane + y1 * inputWidth + x0] + lx * m[plane + y1 * inputWidth + x1]
                            o[(c * h + y) * w + x] = (1 - ly) * top + ly * bottom
                        }
                    }
                }
            }
        }
        return PlanarImage(width: w, height: h, channels: map.channels, values: out)
    }

    /// A label mask of the original image, resized by nearest neighbour and cropped as the image was,
    /// so it lines up pixel for pixel with a map over the network input (REFERENCE §8).
    ///
    /// Nearest is torch's `F.interpolate(mode="nearest")`: input index ⌊o · in/out⌋ in single
    /// precision, clamped to the last pixel.
    /// - Precondition: `mask` is ``originalWidth`` × ``originalHeight`` (any number of channels).
    /// - Complexity: O(input pixels × channels).
    public func toInput(nearest mask: PlanarImage) -> PlanarImage {
        precondition(mask.width == originalWidth && mask.height == originalHeight,
                     "mask is \(mask.width)×\(mask.height), the image was \(originalWidth)×\(originalHeight)")
        let cols = (0..<inputWidth).map { Self.nearest($0 + cropX, input: originalWidth, output: resizedWidth) }
        let rows = (0..<inputHeight).map { Self.nearest($0 + cropY, input: originalHeight, output: resizedHeight) }
        var out = [Float](repeating: 0, count: inputWidth * inputHeight * mask.channels)
        for c in 0..<mask.channels {
            for (y, sy) in rows.enumerated() {
                for (x, sx) in cols.enumerated() {
                    out[(c * inputHeight + y) * inputWidth + x] = mask.values[(c * originalHeight + sy) * originalWidth + sx]
                }
            }
        }
        return PlanarImage(width: inputWidth, height: inputHeight, channels: mask.channels, values: out)
    }

    /// For each original index: the two map indices and the upper weight, or nil outside the crop.
    private static func backTaps(original: Int, resized: Int, crop: Int, input: Int) -> [(Int, Int, Float)?] {
        let scale = Double(resized) / Double(original)
        return (0..<original).map { o in
            let s = (Double(o) + 0.5) * scale - 0.5 - Double(crop)
            guard s >= -0.5 && s < Double(input) - 0.5 else { return nil }
            let clamped = min(max(s, 0), Double(input - 1))
            let i0 = Int(clamped)
            return (i0, min(i0 + 1, input - 1), Float(clamped - Double(i0)))
        }
    }

    /// torch's `nearest_idx`: exact for equal sizes and for doubling, else ⌊o · (in/out)⌋ in Float.
    private static func nearest(_ o: Int, input: Int, output: Int) -> Int {
        if input == output { return o }
        if output == 2 * input { return o >> 1 }
        let scale = Float(input) / Float(output)
        return min(Int((Float(o) * scale).rounded(.down)), input - 1)
    }
}
