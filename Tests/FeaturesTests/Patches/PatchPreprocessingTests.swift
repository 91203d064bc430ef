import Imaging
import Randomness
import Testing
@testable import Features

struct PatchPreprocessingTests {
    static func image(width: Int, height: Int, channels: Int = 3, seed: UInt64 = 1) -> Image {
        var g = SeededGenerator(seed: seed)
        return Image(width: width, height: height, channels: channels,
                     pixels: (0..<(width * height * channels)).map { _ in UInt8(truncatingIfNeeded: g.next()) })
    }

    @Test func squareShorterSideAndCropGeometry() throws {
        let square = try PatchPreprocessing().geometry(width: 900, height: 700)
        #expect(square == InputGeometry(originalWidth: 900, originalHeight: 700, resizedWidth: 256, resizedHeight: 256))
        // mtile's 494 × 361: the shorter side becomes 256, the longer ⌊256 · 494 / 361⌋ = 350.
        let kept = try PatchPreprocessing(aspect: .shorterSide).geometry(width: 494, height: 361)
        #expect((kept.resizedWidth, kept.resizedHeight, kept.inputWidth, kept.inputHeight) == (350, 256, 350, 256))
        let tall = try PatchPreprocessing(size: 384, aspect: .shorterSide).geometry(width: 361, height: 494)
        #expect((tall.inputWidth, tall.inputHeight) == (384, 525))
        // Crop 224 of 350 × 256: offsets round(63) and round(16).
        let cropped = try PatchPreprocessing(aspect: .shorterSide, crop: 224).geometry(width: 494, height: 361)
        #expect((cropped.cropX, cropped.cropY, cropped.inputWidth, cropped.inputHeight) == (63, 16, 224, 224))
        // 255 × 256 → 256 × 257; cropping 256 rows leaves an offset of round(0.5) = 0 (halves to even, as torchvision).
        let half = try PatchPreprocessing(aspect: .shorterSide, crop: 256).geometry(width: 255, height: 256)
        #expect((half.resizedHeight, half.cropY) == (257, 0))
    }

    @Test func badSettingsAndImagesAreTypedErrors() {
        #expect(throws: FeaturesError.invalidSetting(name: "size", value: "16", expected: "an integer from 32 to 1024")) {
            try PatchPreprocessing(size: 16)
        }
        #expect(throws: FeaturesError.invalidSetting(name: "crop", value: "300", expected: "an integer from 32 to the size 256")) {
            try PatchPreprocessing(crop: 300)
        }
        #expect(throws: FeaturesError.invalidImage(index: 3, reason: "100×500 is more elongated than 4:1, the limit when keeping the aspect ratio")) {
            try PatchPreprocessing(aspect: .shorterSide).geometry(width: 100, height: 500, index: 3)
        }
        #expect(throws: FeaturesError.invalidImage(index: 0, reason: "has no pixels (0×5)")) {
            try PatchPreprocessing().geometry(width: 0, height: 5)
        }
        // A square input does not care about the aspect ratio.
        #expect(throws: Never.self) { try PatchPreprocessing().geometry(width: 100, height: 500) }
        #expect(FeaturesError.invalidSetting(name: "size", value: "16", expected: "an integer from 32 to 1024").description
            == "size 16 is not allowed: expected an integer from 32 to 1024")
    }

    @Test func theDefaultIsThePooledExtractorsInputBitForBit() throws {
        let image = Self.image(width: 97, height: 61)
        let (input, geometry) = try PatchPreprocessing()(image)
        #expect(input == ImageNetPreprocessing()(image))
        #expect(geometry.inputWidth == 256 && geometry.inputHeight == 256)
        // Cropping after resizing is the same as cropping the normalised input (normalisation is per pixel).
        let (crop, _) = try PatchPreprocessing(crop: 224)(image)
        #expect(crop == ImageNetPreprocessing()(image).cropped(x: 16, y: 16, width: 224, height: 224))
        let grey = Self.image(width: 40, height: 50, channels: 1)
        let (kept, g) = try PatchPreprocessing(size: 64, aspect: .shorterSide)(grey)
        #expect((kept.width, kept.height, kept.channels, g.inputHeight) == (64, 80, 3, 80))
    }

    @Test func descriptionNamesEverySetting() throws {
        #expect(try PatchPreprocessing().description == "size-256/aspect-square/crop-none")
        #expect(try PatchPreprocessing(size: 384, aspect: .shorterSide, crop: 320).description == "size-384/aspect-shorter-side/crop-320")
    }
}
