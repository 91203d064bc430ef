import Testing
import Imaging
import Randomness
@testable import Synthesis

@Suite struct AnomalyAugmentationTests {
    private let source = PlanarImage(width: 24, height: 16, channels: 3,
                                     values: (0..<(24 * 16 * 3)).map { Float(($0 * 29) % 97) / 96 })

    @Test func everyAugmentationKeepsShapeAndStaysFinite() {
        var rng = SeededGenerator(seed: 1)
        for augmentation in AnomalyAugmentation.allCases {
            for _ in 0..<5 {
                let out = augmentation.apply(to: source, using: &rng)
                #expect(out.width == 24 && out.height == 16 && out.channels == 3)
                #expect(out.values.allSatisfy { $0.isFinite && $0 >= -1e-6 && $0 <= 1 + 1e-6 }, "\(augmentation)")
            }
        }
    }

    @Test func greyImagesWork() {
        var rng = SeededGenerator(seed: 2)
        let grey = source.plane(0)
        for augmentation in AnomalyAugmentation.allCases {
            #expect(augmentation.apply(to: grey, using: &rng).channels == 1)
        }
    }

    @Test func drawIsDistinctAndCoversThePool() {
        var rng = SeededGenerator(seed: 3)
        var seen = Set<AnomalyAugmentation>()
        for _ in 0..<200 {
            let chosen = AnomalyAugmentation.draw(3, from: AnomalyAugmentation.allCases, using: &rng)
            #expect(chosen.count == 3 && Set(chosen).count == 3)
            seen.formUnion(chosen)
        }
        #expect(seen.count == 10)
        #expect(AnomalyAugmentation.draw(3, from: [.invert], using: &rng) == [.invert])
    }

    @Test func autoAugmentPolicyHasTwentyFiveTwoStepSubPolicies() {
        #expect(AutoAugmentPolicy.imageNet.subPolicies.count == 25)
        #expect(AutoAugmentPolicy.imageNet.subPolicies.allSatisfy { $0.count == 2 })
    }
}
