import Imaging
import Scoring

/// A picture of where a map scorer saw an anomaly: the image, and beside it the same image with
/// the anomaly map blended on top in inferno and the pixels at or above the pixel threshold outlined.
enum AnomalyOverlay {
    /// Cyan is far from every inferno colour, so the outline stays visible on any part of the map.
    static let outline: (UInt8, UInt8, UInt8) = (0, 255, 255)
    /// White pixels between the two halves.
    static let gap = 4

    /// The two halves side by side, 8-bit RGB, scaled down to at most `maxSide` pixels a side.
    /// - Parameters:
    ///   - image: the test image, any channel count and bit depth.
    ///   - map: its anomaly map carried back onto the image (the same width and height).
    ///   - threshold: the pixel threshold: the middle of the colour scale, and the outlined level; nil
    ///     scales colours to the map's maximum and draws no outline.
    ///   - opacity: the heatmap's weight in the blend, in [0, 1].
    /// - Precondition: the map has the image's size (a programmer error otherwise).
    /// - Complexity: O(width × height).
    static func image(_ image: Image, map: AnomalyMap, threshold: Double?, opacity: Double = 0.5, maxSide: Int = 384) -> Image {
        precondition(map.width == image.width && map.height == image.height, "the map must be carried onto the image first")
        var picture = PlanarImage(image.converted(toChannels: 3))
        var values = PlanarImage(width: map.width, height: map.height, channels: 1, values: map.values)
        let side = max(image.width, image.height)
        if side > maxSide {
            let w = max(1, image.width * maxSide / side), h = max(1, image.height * maxSide / side)
            picture = picture.resized(width: w, height: h)
            values = values.resized(width: w, height: h)
        }
        let w = picture.width, h = picture.height, plane = w * h, outW = 2 * w + gap
        let small = AnomalyMap(width: w, height: h, values: values.values)
        let scale = Heatmap.scale(small, centre: threshold ?? 0)
        let edge = threshold.map { contour(small, level: $0, radius: max(1, max(w, h) / 200)) } ?? [Bool](repeating: false, count: plane)
        var out = [UInt8](repeating: 255, count: outW * h * 3)
        func byte(_ x: Float) -> UInt8 { UInt8(max(0, min(1, x.isFinite ? x : 0)) * 255 + 0.5) }
        for y in 0..<h {
            for x in 0..<w {
                let p = y * w + x, left = 3 * (y * outW + x), right = left + 3 * (w + gap)
                let heat = Heatmap.colour(scale > 0 ? Double(small.values[p]) / scale : 0)
                let drawn = edge[p] ? outline : heat
                for (c, v) in [drawn.0, drawn.1, drawn.2].enumerated() {
                    let original = picture.values[c * plane + p]
                    out[left + c] = byte(original)
                    out[right + c] = edge[p] ? v : byte(Float((1 - opacity) * Double(original) + opacity * Double(v) / 255))
                }
            }
        }
        return Image(width: outW, height: h, channels: 3, pixels: out)
    }

    /// The inner edge of the region at or above `level`: its pixels with a pixel below `level`
    /// (or the image border) within `radius` in either direction.
    /// - Complexity: O(width × height × radius²).
    static func contour(_ map: AnomalyMap, level: Double, radius: Int) -> [Bool] {
        let w = map.width, h = map.height
        let inside = map.values.map { Double($0) >= level }
        var edge = [Bool](repeating: false, count: inside.count)
        for y in 0..<h {
            for x in 0..<w where inside[y * w + x] {
                search: for dy in -radius...radius {
                    for dx in -radius...radius {
                        let u = x + dx, v = y + dy
                        if u < 0 || v < 0 || u >= w || v >= h || !inside[v * w + u] {
                            edge[y * w + x] = true
                            break search
                        }
                    }
                }
            }
        }
        return edge
    }
}
