import Randomness
import Testing
@testable import Imaging

/// The vector Paeth steps for 8-bit RGB and RGBA against the scalar predictor, byte for byte.
struct PNGFiltersTests {
    /// Undoes Paeth on one row with the scalar predictor only (the specification's loop).
    static func referencePaeth(source: [UInt8], prior: [UInt8], stride: Int) -> [UInt8] {
        var out = source
        for i in 0..<source.count {
            let a = i >= stride ? Int(out[i - stride]) : 0
            let c = i >= stride ? Int(prior[i - stride]) : 0
            out[i] = source[i] &+ UInt8(truncatingIfNeeded: PNGFilters.predictPaeth(a, Int(prior[i]), c))
        }
        return out
    }

    /// Row lengths of one pixel, two, and long rows; out of place and in place (the interlaced route).
    @Test(arguments: [3, 4])
    func vectorPaethMatchesTheScalarPredictor(stride: Int) {
        var g = SeededGenerator(seed: UInt64(stride))
        for pixels in [1, 2, 3, 5, 64, 301] {
            let count = pixels * stride
            for _ in 0..<20 {
                // Small ranges too, so that ties between the three distances are common.
                let range = g.nextInt(below: 2) == 0 ? 256 : 4
                let source = (0..<count).map { _ in UInt8(g.nextInt(below: range)) }
                let prior = (0..<count).map { _ in UInt8(g.nextInt(below: range)) }
                let expected = Self.referencePaeth(source: source, prior: prior, stride: stride)
                var separate = [UInt8](repeating: 0, count: count)
                var inPlace = source
                source.withUnsafeBufferPointer { s in
                    prior.withUnsafeBufferPointer { p in
                        separate.withUnsafeMutableBufferPointer { d in
                            _ = PNGFilters.unfilter(PNGFilters.paeth, source: s.baseAddress!, destination: d.baseAddress!,
                                                    prior: p.baseAddress!, count: count, stride: stride)
                        }
                        inPlace.withUnsafeMutableBufferPointer { d in
                            _ = PNGFilters.unfilter(PNGFilters.paeth, source: UnsafePointer(d.baseAddress!), destination: d.baseAddress!,
                                                    prior: p.baseAddress!, count: count, stride: stride)
                        }
                    }
                }
                #expect(separate == expected, "stride \(stride), \(pixels) pixels")
                #expect(inPlace == expected, "stride \(stride), \(pixels) pixels, in place")
            }
        }
    }

    /// Every (a, b) pair with c at the edges, the middle and a few values between.
    @Test func vectorPredictorMatchesScalarOnEveryPair() {
        var mismatches = 0
        for c in [0, 1, 2, 127, 128, 200, 254, 255] {
            for a in 0..<256 {
                for b0 in Swift.stride(from: 0, to: 256, by: 4) {
                    let lanesA = PaethLanes(repeating: Int16(a))
                    let lanesB = PaethLanes(Int16(b0), Int16(b0 + 1), Int16(b0 + 2), Int16(b0 + 3))
                    let predicted = PaethLanes.predict(lanesA, lanesB, PaethLanes(repeating: Int16(c)))
                    for k in 0..<4 where Int(predicted[k]) != PNGFilters.predictPaeth(a, b0 + k, c) { mismatches += 1 }
                }
            }
        }
        #expect(mismatches == 0)
    }
}
