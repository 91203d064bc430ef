import Testing
@testable import Features

struct PatchEmbeddingTests {
    static let fine = FeatureMap(height: 4, width: 4, channels: 1, values: (0..<16).map(Float.init))
    static let coarse = FeatureMap(height: 2, width: 2, channels: 2, values: [1, -1, 2, -2, 3, -3, 4, -4])

    @Test func poolsEnlargesToTheFinestGridAndConcatenatesInOrder() {
        let e = PatchEmbedding.embed([Self.fine, Self.coarse])
        #expect(e.height == 4 && e.width == 4 && e.channels == 3)
        let a = Self.fine.averagePooled3x3()
        let b = Self.coarse.averagePooled3x3().resizedBilinear(height: 4, width: 4)
        for p in 0..<16 {
            #expect(Array(e.values[(p * 3)..<(p * 3 + 3)]) == [a.values[p], b.values[2 * p], b.values[2 * p + 1]])
        }
        // Pooled coarse map: every pixel of a 2 × 2 map sees all four, so each channel is constant (1+2+3+4)/9.
        #expect(b.values.enumerated().allSatisfy { abs($1 - ($0 % 2 == 0 ? 10 : -10) / 9) < 1e-6 })
        #expect(abs(e.values[5 * 3] - 45 / 9) < 1e-6)  // fine (1, 1): 0+1+2 + 4+5+6 + 8+9+10
    }

    @Test func theFinestGridWinsWhateverTheOrder() {
        let e = PatchEmbedding.embed([Self.coarse, Self.fine])
        #expect(e.height == 4 && e.width == 4 && e.channels == 3)
        let swapped = PatchEmbedding.embed([Self.fine, Self.coarse])
        for p in 0..<16 {
            #expect(Array(e.values[(p * 3)..<(p * 3 + 3)]) == [swapped.values[p * 3 + 1], swapped.values[p * 3 + 2], swapped.values[p * 3]])
        }
    }
}
