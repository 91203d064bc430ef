import Testing
@testable import Features

struct FeatureMapAveragePoolingTests {
    @Test func bordersAverageInTheZeroPaddingAndDivideByNine() {
        // torch AvgPool2d(3, 1, 1), count_include_pad=True: a constant 9 gives 4 at corners, 6 on edges, 9 inside.
        let constant = FeatureMap(height: 3, width: 3, channels: 1, values: Array(repeating: 9, count: 9))
        #expect(constant.averagePooled3x3().values == [4, 6, 4, 6, 9, 6, 4, 6, 4])
    }

    @Test func handCheckedRampWithTwoInterleavedChannels() {
        // Channel 0 is v(y, x) = 4y + x on 3 × 4; channel 1 is −v.
        let v = (0..<12).flatMap { [Float($0), -Float($0)] }
        let pooled = FeatureMap(height: 3, width: 4, channels: 2, values: v).averagePooled3x3()
        func at(_ y: Int, _ x: Int, _ c: Int) -> Float { pooled.values[(y * 4 + x) * 2 + c] }
        #expect(abs(at(0, 0, 0) - 10 / 9) < 1e-6)       // 0 + 1 + 4 + 5
        #expect(abs(at(1, 1, 0) - 5) < 1e-6)            // 0+1+2 + 4+5+6 + 8+9+10 = 45
        #expect(abs(at(2, 3, 0) - 34 / 9) < 1e-6)       // 6 + 7 + 10 + 11
        #expect(abs(at(1, 3, 1) + 39 / 9) < 1e-6)       // −(2+3 + 6+7 + 10+11)
        #expect(pooled.height == 3 && pooled.width == 4 && pooled.channels == 2)
    }

    @Test func aSinglePixelKeepsANinth() {
        #expect(FeatureMap(height: 1, width: 1, channels: 2, values: [9, -18]).averagePooled3x3().values == [1, -2])
    }
}
