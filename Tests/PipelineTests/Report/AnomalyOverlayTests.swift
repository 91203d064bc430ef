import Imaging
@testable import Pipeline
import Scoring
import Testing

@Suite struct AnomalyOverlayTests {
    /// A 10×10 grey image (100) with a 4×4 block of the map at twice the threshold: the left half is
    /// the image, the right half the blend, and exactly the block's 12 edge pixels are outlined in cyan.
    @Test func blendsTheMapAndOutlinesTheThresholdedRegion() throws {
        let image = Image(width: 10, height: 10, channels: 1, pixels: [UInt8](repeating: 100, count: 100))
        var values = [Float](repeating: 0, count: 100)
        for y in 3...6 { for x in 3...6 { values[y * 10 + x] = 2 } }
        let overlay = AnomalyOverlay.image(image, map: AnomalyMap(width: 10, height: 10, values: values), threshold: 1)
        #expect(overlay.width == 24 && overlay.height == 10 && overlay.channels == 3)
        guard case .uint8(let px) = overlay.samples else { Issue.record("8-bit expected"); return }
        func pixel(_ x: Int, _ y: Int) -> [UInt8] { Array(px[3 * (y * 24 + x)..<3 * (y * 24 + x) + 3]) }
        for y in 0..<10 { for x in 0..<10 { #expect(pixel(x, y) == [100, 100, 100]) } }
        for y in 0..<10 { for x in 10..<14 { #expect(pixel(x, y) == [255, 255, 255]) } }   // the gap
        var cyan: [(Int, Int)] = []
        for y in 0..<10 { for x in 0..<10 where pixel(14 + x, y) == [0, 255, 255] { cyan.append((x, y)) } }
        #expect(cyan.count == 12)
        #expect(cyan.allSatisfy { (3...6).contains($0.0) && (3...6).contains($0.1) && ([3, 6].contains($0.0) || [3, 6].contains($0.1)) })
        // Map 0 is inferno's darkest stop (0, 0, 4 after rounding): ½·100/255 + ½·(0, 0, 4)/255 → (50, 50, 52).
        #expect(pixel(14, 0) == [50, 50, 52])
        // Map 2 = twice the threshold is the brightest stop (252, 254, 164): the block’s inside blends to (176, 177, 132).
        #expect(pixel(14 + 4, 4) == [176, 177, 132])
    }

    @Test func withoutAThresholdNothingIsOutlined() {
        let image = Image(width: 8, height: 8, channels: 3, pixels: [UInt8](repeating: 30, count: 192))
        let map = AnomalyMap(width: 8, height: 8, values: (0..<64).map { Float($0) })
        guard case .uint8(let px) = AnomalyOverlay.image(image, map: map, threshold: nil).samples else { return }
        #expect(!stride(from: 0, to: px.count, by: 3).contains { px[$0] == 0 && px[$0 + 1] == 255 && px[$0 + 2] == 255 })
    }

    /// Large images are scaled down so the report stays small: the longer side becomes 384.
    @Test func largeImagesAreScaledDown() {
        let image = Image(width: 1000, height: 500, channels: 1, pixels: [UInt8](repeating: 9, count: 500_000))
        let map = AnomalyMap(width: 1000, height: 500, values: [Float](repeating: 0, count: 500_000))
        let overlay = AnomalyOverlay.image(image, map: map, threshold: 1)
        #expect(overlay.width == 2 * 384 + AnomalyOverlay.gap && overlay.height == 192)
    }
}
