import Testing
@testable import Imaging

private func rgb(_ values: [Float]) -> PlanarImage {
    PlanarImage(width: values.count / 3, height: 1, channels: 3, values: values)
}

private func close(_ a: [Float], _ b: [Float], _ tolerance: Float = 1e-5) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance }
}

@Suite struct AdjustmentsTests {
    @Test func brightnessContrastSaturation() {
        let grey = PlanarImage(width: 2, height: 1, channels: 1, values: [0.2, 0.6])
        #expect(close(grey.adjustingBrightness(2).values, [0.4, 1]))
        // Mean 0.4; factor 2 doubles the distance to it.
        #expect(close(grey.adjustingContrast(2).values, [0, 0.8]))
        #expect(grey.adjustingSaturation(0) == grey)
        // Saturation 0 turns each pixel into its luma 0.2989 R + 0.587 G + 0.114 B.
        let red = rgb([1, 0, 0])
        #expect(close(red.adjustingSaturation(0).values, [0.2989, 0.2989, 0.2989]))
    }

    @Test func hueRotatesPrimaries() {
        // A third of a turn takes red to green and green to blue.
        #expect(close(rgb([1, 0, 0]).adjustingHue(1.0 / 3).values, [0, 1, 0], 1e-4))
        #expect(close(rgb([0, 1, 0]).adjustingHue(1.0 / 3).values, [0, 0, 1], 1e-4))
        #expect(close(rgb([0.5, 0.5, 0.5]).adjustingHue(0.25).values, [0.5, 0.5, 0.5]))
        let colour = rgb([0.9, 0.3, 0.1, 0.2, 0.7, 0.4])
        #expect(close(colour.adjustingHue(0.2).adjustingHue(-0.2).values, colour.values, 1e-5))
    }

    @Test func solarizePosterizeInvert() {
        let p = PlanarImage(width: 4, height: 1, channels: 1, values: [0.1, 0.5, 0.9, 1])
        #expect(close(p.solarized(threshold: 0.5).values, [0.1, 0.5, 0.1, 0]))
        let posterized: [Float] = [1, 8, 14, 15].map { $0 / 16 }
        #expect(close(p.posterized(bits: 4).values, posterized))
        #expect(close(p.inverted().values, [0.9, 0.5, 0.1, 0]))
    }

    @Test func autocontrastStretches() {
        let p = PlanarImage(width: 3, height: 1, channels: 1, values: [0.2, 0.3, 0.6])
        #expect(close(p.autocontrasted().values, [0, 0.25, 1]))
    }

    @Test func sharpnessKeepsBorderAndConstantImages() {
        let flat = PlanarImage(width: 5, height: 4, channels: 2, repeating: 0.4)
        #expect(close(flat.adjustingSharpness(2).values, flat.values))
        var spike = PlanarImage(width: 3, height: 3, channels: 1, repeating: 0)
        spike[0, 1, 1] = 0.5
        // Centre: smooth = 5·0.5/13; out = 2·0.5 − smooth.
        let out = spike.adjustingSharpness(2)
        #expect(abs(out[0, 1, 1] - (1 - 2.5 / 13)) < 1e-6)
        #expect(out[0, 0, 0] == 0)
    }

    @Test func equalizeSpreadsLevels() {
        // Four equally common levels map to 0, 1/4·255, …: torchvision's lookup rule.
        let values: [Float] = [10, 10, 20, 20, 30, 30, 40, 40].map { $0 / 255 }
        let out = PlanarImage(width: 8, height: 1, channels: 1, values: values).equalized()
        // step = ⌊(8 − 2) / 255⌋ = 0: unchanged, as torchvision.
        #expect(out.values == values)
        let many = (0..<1024).map { Float($0 % 4 * 10) / 255 }
        let spread = PlanarImage(width: 1024, height: 1, channels: 1, values: many).equalized()
        // step = ⌊768 / 255⌋ = 3; level 10 → ⌊(0 + 1)/3⌋ = 0, 20 → ⌊(256 + 1)/3⌋ = 85, 30 → 171, 40 → 255.
        #expect(Set(spread.values.map { Int(($0 * 255).rounded()) }) == [0, 85, 171, 255])
    }
}
