import LinearAlgebra
import Testing

struct BilinearResamplingTests {
    static func resample(_ source: [Float], height: Int, width: Int, channels: Int, to outHeight: Int, _ outWidth: Int) -> [Float] {
        var out = [Float](repeating: .nan, count: outHeight * outWidth * channels)
        source.withUnsafeBufferPointer { s in
            out.withUnsafeMutableBufferPointer { o in
                BilinearResampling.resample(s, height: height, width: width, channels: channels, into: o, height: outHeight, width: outWidth)
            }
        }
        return out
    }

    /// torch: F.interpolate(tensor([[[[0., 1.], [2., 3.]]]]), size=(4, 4), mode="bilinear", align_corners=False):
    /// taps 0, ¼, ¾ between the two inputs, then the edge repeated.
    @Test func doublingTwoByTwoMatchesTorchsHandComputedValues() {
        let out = Self.resample([0, 1, 2, 3], height: 2, width: 2, channels: 1, to: 4, 4)
        #expect(out == [0, 0.25, 0.75, 1,
                        0.5, 0.75, 1.25, 1.5,
                        1.5, 1.75, 2.25, 2.5,
                        2, 2.25, 2.75, 3])
    }

    @Test func interleavedChannelsAreResampledIndependently() {
        // Channel 1 is 10× channel 0, so its output must be 10× too (exact: every weight is a multiple of ¼).
        let source: [Float] = [0, 0, 1, 10, 2, 20, 3, 30]
        let out = Self.resample(source, height: 2, width: 2, channels: 2, to: 4, 4)
        let first = stride(from: 0, to: out.count, by: 2).map { out[$0] }
        let second = stride(from: 1, to: out.count, by: 2).map { out[$0] }
        #expect(first == Self.resample([0, 1, 2, 3], height: 2, width: 2, channels: 1, to: 4, 4))
        #expect(second == first.map { $0 * 10 })
    }

    @Test func halvingFourWideAveragesThePairsUnderEachOutput() {
        // 4 → 2: output o reads s = 2o + ½, halfway between inputs 2o and 2o + 1.
        let out = Self.resample([0, 2, 4, 8], height: 1, width: 4, channels: 1, to: 1, 2)
        #expect(out == [1, 6])
    }
}
