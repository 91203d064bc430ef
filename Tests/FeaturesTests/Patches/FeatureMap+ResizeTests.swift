import Testing
@testable import Features

struct FeatureMapResizeTests {
    @Test func enlargingMatchesTorchBilinearAlignCornersFalse() {
        // torch: F.interpolate([[1, 2], [3, 4]], size=(4, 4), mode="bilinear") on both channels (the second ×10).
        let map = FeatureMap(height: 2, width: 2, channels: 2, values: [1, 10, 2, 20, 3, 30, 4, 40])
        let big = map.resizedBilinear(height: 4, width: 4)
        let expected: [Float] = [1, 1.25, 1.75, 2, 1.5, 1.75, 2.25, 2.5, 2.5, 2.75, 3.25, 3.5, 3, 3.25, 3.75, 4]
        #expect(stride(from: 0, to: 32, by: 2).map { big.values[$0] } == expected)
        #expect(stride(from: 1, to: 32, by: 2).map { big.values[$0] } == expected.map { $0 * 10 })
    }

    @Test func sidesResizeIndependently() {
        // 1 × 3 → 2 × 6: columns read 0, 0.25, 0.75, 1.25, 1.75, 2 (clamped); the row is repeated.
        let map = FeatureMap(height: 1, width: 3, channels: 1, values: [0, 3, 6])
        #expect(map.resizedBilinear(height: 2, width: 6).values == [0, 0.75, 2.25, 3.75, 5.25, 6, 0, 0.75, 2.25, 3.75, 5.25, 6])
        #expect(map.resizedBilinear(height: 1, width: 3) == map)
    }
}
