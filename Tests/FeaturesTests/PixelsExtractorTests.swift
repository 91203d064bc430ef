import Imaging
import Testing
@testable import Features

@Suite struct PixelsExtractorTests {
    @Test func presetsBuildTheirSizesAndDescribeThemselves() throws {
        #expect(try ExtractorRegistry.standard.make(preset: "pixels").dimension == 1024)
        let grey = try ExtractorRegistry.standard.make(preset: "grey128")
        #expect(grey.dimension == 128 * 128)
        #expect(grey.identifier == "pixels/grey-128x128-antialias-bilinear/v1")
        #expect(grey.kind == "pixels" && grey.settings == ["size": 128])
        #expect(throws: FeaturesError.self) { try ExtractorRegistry.standard.make(preset: "grey64") }
    }

    @Test func greyThirtyTwoSquareInUnitRange() throws {
        let rgb = Image(width: 90, height: 70, channels: 3, pixels: (0..<90 * 70 * 3).map { UInt8(truncatingIfNeeded: $0 * 13 % 256) })
        let extractor = PixelsExtractor()
        #expect(extractor.dimension == 1024)
        #expect(extractor.identifier == "pixels/grey-32x32-antialias-bilinear/v1")
        var progress: [Int] = []
        let f = try extractor.features(of: [rgb, rgb.greyscale()]) { done, _ in progress.append(done) }
        #expect(f.count == 2 && f.dimension == 1024 && f.isVectors)
        #expect(f.rows.row(0) == f.rows.row(1))  // colour is converted to grey first
        #expect(f.rows.elements.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(progress.last == 2)
    }

    @Test func constantImagesStayConstantAndSameSizeIsACopy() throws {
        let flat = Image(width: 50, height: 17, channels: 1, pixels: [UInt8](repeating: 51, count: 850))
        let f = try PixelsExtractor().features(of: flat)
        #expect(f.allSatisfy { abs($0 - 0.2) < 1e-6 })
        let small = Image(width: 4, height: 4, channels: 1, pixels: (0..<16).map { UInt8($0 * 17) })
        let copy = try PixelsExtractor(size: 4).features(of: small)
        #expect(zip(copy, (0..<16).map { Float($0 * 17) / 255 }).allSatisfy { abs($0 - $1) < 1e-6 })
        // Upscaling works too, and a 16-bit image uses its full range.
        let wide = Image(width: 2, height: 1, channels: 1, pixels16: [0, 65535])
        let up = try PixelsExtractor(size: 8).features(of: wide)
        #expect(up.count == 64 && up.min()! >= 0 && up.max()! <= 1 && up.first! < up.last!)
    }

    @Test func rejectsEmptyImages() {
        #expect(throws: FeaturesError.invalidImage(index: 0, reason: "has no pixels (3×0)")) {
            try PixelsExtractor().features(of: [Image(width: 3, height: 0, channels: 1, pixels: [])])
        }
    }
}
