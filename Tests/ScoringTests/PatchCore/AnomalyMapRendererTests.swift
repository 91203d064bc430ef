@testable import Scoring
import Testing

struct AnomalyMapRendererTests {
    @Test func bilinearEnlargementMatchesTorchAlignCornersFalse() {
        // torch: F.interpolate([[1, 2], [3, 4]], size=(4, 4), mode="bilinear", align_corners=False).
        let map = [Float](arrayLiteral: 1, 2, 3, 4).withUnsafeBufferPointer {
            AnomalyMapRenderer(sigma: 0).render($0, gridHeight: 2, gridWidth: 2, height: 4, width: 4)
        }
        #expect(map.width == 4 && map.height == 4)
        #expect(map.values == [1, 1.25, 1.75, 2, 1.5, 1.75, 2.25, 2.5, 2.5, 2.75, 3.25, 3.5, 3, 3.25, 3.75, 4])
    }

    @Test func nonSquareGridsAndShrinkingFollowTheSameRule() {
        // 1×3 → 2×6 enlarges both ways; 1 × 4 → 1 × 2 reads positions 0.5 and 2.5.
        let wide = [Float](arrayLiteral: 0, 3, 6).withUnsafeBufferPointer {
            AnomalyMapRenderer(sigma: 0).render($0, gridHeight: 1, gridWidth: 3, height: 2, width: 6)
        }
        #expect(wide.values == [0, 0.75, 2.25, 3.75, 5.25, 6, 0, 0.75, 2.25, 3.75, 5.25, 6])
        let narrow = [Float](arrayLiteral: 0, 2, 4, 6).withUnsafeBufferPointer {
            AnomalyMapRenderer(sigma: 0).render($0, gridHeight: 1, gridWidth: 4, height: 1, width: 2)
        }
        #expect(narrow.values == [1, 5])
    }

    @Test func blurScalesWithTheShorterSide() {
        // At 512 × 256 the shorter side is 256, so σ = 4: the same as blurring the enlarged map directly.
        let patches: [Float] = (0..<(16 * 32)).map { Float(($0 * 7919) % 13) }
        let (blurred, sharp) = patches.withUnsafeBufferPointer {
            (AnomalyMapRenderer(sigma: 4).render($0, gridHeight: 16, gridWidth: 32, height: 256, width: 512),
             AnomalyMapRenderer(sigma: 0).render($0, gridHeight: 16, gridWidth: 32, height: 256, width: 512))
        }
        #expect(blurred.values == GaussianBlur(sigma: 4).apply(sharp.values, width: 512, height: 256))
        #expect(blurred.values != sharp.values)
    }
}
