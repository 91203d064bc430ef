import Foundation
import Imaging
import Randomness

/// Defects painted onto good demo images: kinds the Perlin generator does not make,
/// so a synthetic-anomaly threshold is not graded on its own generator.
enum DemoDefect: String, CaseIterable, Sendable {
    /// A thin straight line, brighter or darker than the surface.
    case scratch
    /// A round stain with soft edges.
    case spot
    /// A rectangle where the texture is missing (flat fill).
    case missingPatch = "missing-patch"
    /// A region whose colour balance is shifted.
    case colourShift = "colour-shift"

    /// Paints this defect on `image` with a severity in (0, 1] drawn by the caller.
    func apply(to image: Image, severity: Double, _ g: inout SeededGenerator) -> Image {
        guard case .uint8(var p) = image.samples, image.channels == 3 else { return image }
        let w = image.width, h = image.height
        func blend(_ x: Int, _ y: Int, toward target: (Double, Double, Double), amount: Double) {
            guard x >= 0, y >= 0, x < w, y < h, amount > 0 else { return }
            let i = (y * w + x) * 3
            for (c, t) in [target.0, target.1, target.2].enumerated() {
                let v = Double(p[i + c]) * (1 - amount) + t * 255 * amount
                p[i + c] = UInt8(clamping: Int(v.rounded()))
            }
        }
        switch self {
        case .scratch:
            let x0 = g.nextUniform(0, Double(w)), y0 = g.nextUniform(0, Double(h))
            let angle = g.nextUniform(0, .pi), length = g.nextUniform(0.3, 0.7) * Double(w)
            let tone = g.nextUnitInterval() < 0.5 ? 0.05 : 0.95
            for s in stride(from: -length / 2, through: length / 2, by: 0.5) {
                blend(Int(x0 + s * cos(angle)), Int(y0 + s * sin(angle)), toward: (tone, tone, tone), amount: 0.4 + 0.6 * severity)
            }
        case .spot:
            let cx = g.nextUniform(8, Double(w - 8)), cy = g.nextUniform(8, Double(h - 8))
            let r = g.nextUniform(3, 7)
            for y in 0..<h { for x in 0..<w {
                let d = ((Double(x) - cx) * (Double(x) - cx) + (Double(y) - cy) * (Double(y) - cy)).squareRoot()
                blend(x, y, toward: (0.25, 0.18, 0.12), amount: severity * max(0, min(1, r - d + 0.5)))
            } }
        case .missingPatch:
            let pw = Int(g.nextUniform(6, 14)), ph = Int(g.nextUniform(6, 14))
            let x0 = g.nextInt(below: w - pw), y0 = g.nextInt(below: h - ph)
            for y in y0..<(y0 + ph) { for x in x0..<(x0 + pw) { blend(x, y, toward: (0.5, 0.42, 0.3), amount: 0.5 + 0.5 * severity) } }
        case .colourShift:
            let x0 = g.nextInt(below: w / 2), y0 = g.nextInt(below: h / 2)
            let shift = (g.nextUniform(-1, 1), g.nextUniform(-1, 1), g.nextUniform(-1, 1))
            for y in y0..<min(h, y0 + h / 2) { for x in x0..<min(w, x0 + w / 2) {
                let i = (y * w + x) * 3
                for (c, s) in [shift.0, shift.1, shift.2].enumerated() {
                    p[i + c] = UInt8(clamping: Int(Double(p[i + c]) + 40 * severity * s))
                }
            } }
        }
        return Image(width: w, height: h, channels: 3, pixels: p)
    }
}
