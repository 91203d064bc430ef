import Imaging
import Scoring

/// A colour picture of an anomaly map: 0 dark, the pixel threshold in the middle of the scale, twice it bright.
enum Heatmap {
    /// Inferno, sampled at nine stops (matplotlib's table); values between stops are interpolated.
    static let stops: [(Double, Double, Double)] = [
        (0.001, 0.000, 0.014), (0.122, 0.047, 0.283), (0.316, 0.071, 0.485), (0.499, 0.145, 0.508), (0.676, 0.213, 0.455),
        (0.844, 0.298, 0.349), (0.962, 0.460, 0.179), (0.988, 0.683, 0.076), (0.988, 0.998, 0.645),
    ]

    /// The colour of `t` in [0, 1] (clamped).
    static func colour(_ t: Double) -> (UInt8, UInt8, UInt8) {
        let x = min(max(t.isFinite ? t : 0, 0), 1) * Double(stops.count - 1)
        let i = min(Int(x), stops.count - 2), f = x - Double(i)
        let (a, b) = (stops[i], stops[i + 1])
        func mix(_ u: Double, _ v: Double) -> UInt8 { UInt8(((u + (v - u) * f) * 255).rounded()) }
        return (mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
    }

    /// The map value drawn brightest: twice `centre`, or the map's largest value without a positive centre.
    static func scale(_ map: AnomalyMap, centre: Double) -> Double {
        centre > 0 ? 2 * centre : Double(map.values.max() ?? 1)
    }

    /// The map in colour; `centre` (the pixel threshold) lands at the middle of the scale.
    static func image(_ map: AnomalyMap, centre: Double) -> Image {
        let scale = scale(map, centre: centre)
        var pixels = [UInt8](repeating: 0, count: map.values.count * 3)
        for (i, v) in map.values.enumerated() {
            let (r, g, b) = colour(scale > 0 ? Double(v) / scale : 0)
            pixels[3 * i] = r
            pixels[3 * i + 1] = g
            pixels[3 * i + 2] = b
        }
        return Image(width: map.width, height: map.height, channels: 3, pixels: pixels)
    }
}
