import Foundation
import Imaging
import Randomness

/// Procedural "product" images for the built-in demo: an aligned woven texture with sensor noise.
///
/// Like a part photographed in a fixture, every good image shares the same
/// layout; they differ by lighting, a little misregistration and noise. That
/// keeps the demo honest for pixel features, which real aligned inspection
/// images (MVTec bottle) also favour.
struct TextureGenerator: Sendable {
    var size: Int = 64

    /// One good image, fully determined by the generator state.
    func goodImage(_ g: inout SeededGenerator) -> Image {
        let gain = g.nextUniform(0.92, 1.08)
        let dx = g.nextUniform(-0.6, 0.6), dy = g.nextUniform(-0.6, 0.6)
        var pixels = [UInt8](repeating: 0, count: size * size * 3)
        for y in 0..<size {
            for x in 0..<size {
                let u = (Double(x) + dx) / Double(size) * 2 * .pi, v = (Double(y) + dy) / Double(size) * 2 * .pi
                // Warp and weft: two crossed sinusoids with a slow vignette.
                let weave = 0.5 + 0.25 * sin(6 * u) * cos(6 * v) + 0.12 * sin(2 * u + 1)
                let vignette = 1 - 0.15 * (pow(Double(x) / Double(size) - 0.5, 2) + pow(Double(y) / Double(size) - 0.5, 2))
                let base = weave * vignette * gain
                let rgb = (base * 0.95, base * 0.80, base * 0.55)
                for (c, value) in [rgb.0, rgb.1, rgb.2].enumerated() {
                    let noisy = value + 0.015 * g.nextGaussian()
                    pixels[(y * size + x) * 3 + c] = UInt8(clamping: Int((noisy * 255).rounded()))
                }
            }
        }
        return Image(width: size, height: size, channels: 3, pixels: pixels)
    }
}
