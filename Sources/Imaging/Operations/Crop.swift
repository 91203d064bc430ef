// Cropping to a rectangle. The rectangle must lie inside the image: a crop
// outside it is a programmer error, not bad input, so it traps.

extension Image {
    /// The `width` × `height` rectangle whose top-left pixel is (`x`, `y`).
    /// - Complexity: O(width × height × channels) of the result.
    public func cropped(x: Int, y: Int, width w: Int, height h: Int) -> Image {
        precondition(x >= 0 && y >= 0 && w >= 0 && h >= 0 && x + w <= width && y + h <= height,
                     "crop rectangle must lie inside the image")
        switch samples {
        case .uint8(let s):
            return Image(width: w, height: h, channels: channels,
                         pixels: cropRows(s, stride: width * channels, x: x * channels, y: y, rowLength: w * channels, rows: h))
        case .uint16(let s):
            return Image(width: w, height: h, channels: channels,
                         pixels16: cropRows(s, stride: width * channels, x: x * channels, y: y, rowLength: w * channels, rows: h))
        }
    }

    /// The centred `width` × `height` crop (torchvision's `center_crop` offsets: round((W − w) / 2)).
    public func centerCropped(width w: Int, height h: Int) -> Image {
        cropped(x: centredOffset(width, w), y: centredOffset(height, h), width: w, height: h)
    }
}

extension PlanarImage {
    /// The `width` × `height` rectangle whose top-left pixel is (`x`, `y`), in every channel.
    /// - Complexity: O(width × height × channels) of the result.
    public func cropped(x: Int, y: Int, width w: Int, height h: Int) -> PlanarImage {
        precondition(x >= 0 && y >= 0 && w >= 0 && h >= 0 && x + w <= width && y + h <= height,
                     "crop rectangle must lie inside the image")
        var out: [Float] = []
        out.reserveCapacity(w * h * channels)
        for c in 0..<channels {
            out += cropRows(values, stride: width, x: c * height * width + x, y: y, rowLength: w, rows: h)
        }
        return PlanarImage(width: w, height: h, channels: channels, values: out)
    }
}

/// torchvision's centre offset: int(round((full − part) / 2.0)), halves to even.
private func centredOffset(_ full: Int, _ part: Int) -> Int {
    Int((Double(full - part) / 2).rounded(.toNearestOrEven))
}

/// Copies `rows` rows of `rowLength` elements: row r starts at `(y + r) · stride + x`.
private func cropRows<T>(_ source: [T], stride: Int, x: Int, y: Int, rowLength: Int, rows: Int) -> [T] {
    var out: [T] = []
    out.reserveCapacity(rowLength * rows)
    for r in 0..<rows {
        let start = (y + r) * stride + x
        out += source[start..<start + rowLength]
    }
    return out
}
