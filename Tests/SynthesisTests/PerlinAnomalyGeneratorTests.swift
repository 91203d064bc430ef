import Testing
import Imaging
import Randomness
@testable import Synthesis

private func testImage(width: Int = 48, height: Int = 40, channels: Int = 3) -> Image {
    Image(width: width, height: height, channels: channels,
          pixels: (0..<(width * height * channels)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 / 5) })
}

@Suite struct PerlinAnomalyGeneratorTests {
    @Test func pixelsOutsideTheMaskAreBitIdentical() {
        let image = testImage()
        let generator = PerlinAnomalyGenerator(probability: 1)
        var rng = SeededGenerator(seed: 21)
        var changedInside = 0
        for _ in 0..<20 {
            let sample = generator.generate(from: image, using: &rng)
            guard case .uint8(let out) = sample.image.samples, case .uint8(let input) = image.samples else {
                Issue.record("bit depth changed"); return
            }
            for pixel in 0..<(image.width * image.height) {
                let same = (0..<3).allSatisfy { out[pixel * 3 + $0] == input[pixel * 3 + $0] }
                if sample.mask.values[pixel] == 0 {
                    #expect(same)
                } else if !same {
                    changedInside += 1
                }
            }
            #expect(sample.isAnomalous == !sample.mask.isEmpty)
            #expect(sample.augmentations.count == 3 && Set(sample.augmentations).count == 3)
            #expect((0.2...1.0).contains(sample.blendFactor ?? -1))
        }
        #expect(changedInside > 0)
    }

    @Test func sameSeedSameBytes() {
        let image = testImage()
        let generator = PerlinAnomalyGenerator(source: .textures([testImage(width: 13, height: 9, channels: 1)]), probability: 1)
        var a = SeededGenerator(seed: 77)
        var b = SeededGenerator(seed: 77)
        for _ in 0..<5 {
            #expect(generator.generate(from: image, using: &a) == generator.generate(from: image, using: &b))
        }
    }

    @Test func untouchedProbabilityIsRespected() {
        // Mask and augmentation work are skipped for untouched draws, so a small image keeps this quick.
        let image = testImage(width: 8, height: 8)
        let generator = PerlinAnomalyGenerator(augmentations: [.invert], augmentationsPerSample: 1, probability: 0.5)
        var rng = SeededGenerator(seed: 5)
        let draws = 1000
        var applied = 0
        for _ in 0..<draws {
            let sample = generator.generate(from: image, using: &rng)
            if sample.blendFactor != nil { applied += 1 } else {
                #expect(sample.image == image && sample.mask.isEmpty && !sample.isAnomalous)
            }
        }
        // Binomial(1000, 0.5): SE 0.0158; allow 4 SE.
        #expect(abs(Double(applied) / Double(draws) - 0.5) < 4 * 0.0158)

        let never = PerlinAnomalyGenerator(probability: 0)
        #expect(never.generate(from: image, using: &rng).image == image)
    }

    @Test func fullBlendWithInvertedSourceIsPredictable() {
        // β = 1 and a single "invert" augmentation: inside the mask out = 1 − (noise·0.5 + 0.25), independent of the image.
        let image = testImage(channels: 1)
        let generator = PerlinAnomalyGenerator(augmentations: [.invert], augmentationsPerSample: 1,
                                               blendRange: 1...1, probability: 1)
        var rng = SeededGenerator(seed: 3)
        let sample = generator.generate(from: image, using: &rng)
        var replay = SeededGenerator(seed: 3)
        _ = replay.nextUnitInterval()
        let drawn = generator.mask.generate(width: image.width, height: image.height, using: &replay)
        #expect(drawn.mask == sample.mask)
        guard case .uint8(let out) = sample.image.samples else { Issue.record("bit depth changed"); return }
        for pixel in drawn.mask.values.indices where drawn.mask.values[pixel] != 0 {
            let expected = 1 - (drawn.noise.values[pixel] * 0.5 + 0.25)
            #expect(abs(Float(out[pixel]) / 255 - min(max(expected, 0), 1)) <= 0.5 / 255 + 1e-6)
        }
    }

    @Test func alphaAndSixteenBitsAreKept() {
        let width = 32, height = 32
        let rgba = Image(width: width, height: height, channels: 4,
                         pixels16: (0..<(width * height * 4)).map { UInt16(truncatingIfNeeded: $0 &* 977) })
        var rng = SeededGenerator(seed: 14)
        let sample = PerlinAnomalyGenerator(probability: 1).generate(from: rgba, using: &rng)
        #expect(sample.image.bitDepth == 16 && sample.image.channels == 4)
        guard case .uint16(let out) = sample.image.samples, case .uint16(let input) = rgba.samples else { return }
        for pixel in 0..<(width * height) { #expect(out[pixel * 4 + 3] == input[pixel * 4 + 3]) }
    }

    @Test func textureSourceIsResizedToTheImage() {
        let texture = Image(width: 7, height: 5, channels: 3, pixels: [UInt8](repeating: 200, count: 7 * 5 * 3))
        let generator = PerlinAnomalyGenerator(source: .textures([texture]), augmentations: [], blendRange: 1...1, probability: 1)
        var rng = SeededGenerator(seed: 40)
        let sample = generator.generate(from: testImage(), using: &rng)
        guard case .uint8(let out) = sample.image.samples else { return }
        for pixel in sample.mask.values.indices where sample.mask.values[pixel] != 0 {
            #expect(out[pixel * 3] == 200 && out[pixel * 3 + 2] == 200)
        }
    }

    @Test func maskStylesAndBlendRangeAreTunable() {
        let generator = PerlinAnomalyGenerator(mask: PerlinMaskGenerator(style: .dual(probability: 1)),
                                               blendRange: 0.01...0.2, probability: 1)
        var rng = SeededGenerator(seed: 6)
        for _ in 0..<5 {
            let sample = generator.generate(from: testImage(), using: &rng)
            #expect((0.01...0.2).contains(sample.blendFactor ?? -1))
        }
    }
}
