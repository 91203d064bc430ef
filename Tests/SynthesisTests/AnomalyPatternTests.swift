import Testing
import Imaging
import Randomness
@testable import Synthesis

@Suite struct AnomalyPatternTests {
    /// A noise-like plane in [−0.25, 0.75], as the noise source maps it, with values outside [0, 1] for the clamps.
    private let plane = PlanarImage(width: 29, height: 23, channels: 1,
                                    values: (0..<(29 * 23)).map { Float(($0 * 37) % 101) / 100 - 0.25 })

    private func threePlanes(_ p: PlanarImage) -> PlanarImage {
        PlanarImage(width: p.width, height: p.height, channels: 3, values: p.values + p.values + p.values)
    }

    @Test func greyRGBPatternGivesTheBitsOfThreeEqualPlanesForEveryAugmentation() {
        for augmentation in AnomalyAugmentation.allCases {
            var one = SeededGenerator(seed: 31)
            var three = SeededGenerator(seed: 31)
            for _ in 0..<40 {
                let shared = augmentation.apply(to: AnomalyPattern(greyRGB: plane), using: &one)
                let full = augmentation.apply(to: threePlanes(plane), using: &three)
                #expect(shared.isGreyRGB && shared.planes.channels == 1)
                #expect(threePlanes(shared.planes).values.map(\.bitPattern) == full.values.map(\.bitPattern), "\(augmentation)")
            }
            #expect(one.next() == three.next(), "\(augmentation) draws the same numbers")
        }
    }

    @Test func greyRGBSaturationAndHueOnlyClampWhenTheFactorIsOne() {
        let clamped = AnomalyPattern(greyRGB: plane).adjustingSaturation(1).adjustingHue(0.3).planes.values
        #expect(clamped == plane.values.map { min(max($0, 0), 1) })
    }

    @Test func greyRGBContrastUsesTheColourLumaMean() {
        // Luma of R = G = B = x is 0.9999·x, not x: the grey-RGB mean must follow the colour formula.
        let out = AnomalyPattern(greyRGB: plane).adjustingContrast(0.5).planes
        let reference = threePlanes(plane).adjustingContrast(0.5).plane(0)
        #expect(out.values.map(\.bitPattern) == reference.values.map(\.bitPattern))
    }
}
