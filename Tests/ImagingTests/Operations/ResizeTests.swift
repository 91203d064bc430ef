import Testing
@testable import Imaging

/// Reference values from numpy following REFERENCE §7 (antialiased) and torch's
/// `upsample_bilinear2d` index rule (plain bilinear), in float64, on the pattern
/// ((i·37 + 11) mod 101) / 100. The script is at the end of this file. The same formula
/// agrees with Pillow 13's float ("F") BILINEAR resize to 6e-8 on these and on random
/// 900×900 → 256×256 data, checked once when the values were made.
private enum Reference {
    static let aa_7x9_to_3x4: [Float] = [0.451102, 0.504495, 0.583850, 0.532673, 0.382958, 0.431306, 0.513042, 0.582504, 0.592837, 0.537387, 0.444303, 0.488898]
    static let aa_3x4_to_5x7: [Float] = [0.110000, 0.242143, 0.453571, 0.665000, 0.804286, 0.438571, 0.210000, 0.298000, 0.430143, 0.641571, 0.651000, 0.617143, 0.482286, 0.398000, 0.580000, 0.712143, 0.923571, 0.630000, 0.336429, 0.547857, 0.680000, 0.256000, 0.388143, 0.599571, 0.609000, 0.575143, 0.440286, 0.356000, 0.040000, 0.172143, 0.383571, 0.595000, 0.734286, 0.368571, 0.140000]
    static let aa_6x13_to_4x5: [Float] = [0.486208, 0.595038, 0.483321, 0.434129, 0.479833, 0.425889, 0.506195, 0.486127, 0.549327, 0.474222, 0.472000, 0.533603, 0.588349, 0.495118, 0.464222, 0.526708, 0.458788, 0.494964, 0.508295, 0.570833]
    static let bl_7x9_to_3x4: [Float] = [0.541250, 0.405833, 0.480833, 0.640000, 0.231250, 0.180000, 0.760000, 0.708750, 0.720833, 0.753750, 0.534167, 0.398750]
}

private func pattern(height: Int, width: Int, channels: Int = 1) -> PlanarImage {
    let plane = (0..<(height * width)).map { Float(($0 * 37 + 11) % 101) / 100 }
    return PlanarImage(width: width, height: height, channels: channels, values: Array((0..<channels).map { _ in plane }.joined()))
}

private func expectClose(_ a: [Float], _ b: [Float], tolerance: Float = 2e-6, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(a.count == b.count, sourceLocation: sourceLocation)
    let worst = zip(a, b).map { abs($0 - $1) }.max() ?? 0
    #expect(worst <= tolerance, "largest difference \(worst)", sourceLocation: sourceLocation)
}

@Suite struct ResizeTests {
    @Test func antialiasedShrinkMatchesReference() {
        let out = pattern(height: 7, width: 9).resized(width: 4, height: 3)
        #expect(out.width == 4 && out.height == 3)
        expectClose(out.values, Reference.aa_7x9_to_3x4)
    }

    @Test func antialiasedNonIntegerShrinkMatchesReference() {
        expectClose(pattern(height: 6, width: 13).resized(width: 5, height: 4).values, Reference.aa_6x13_to_4x5)
    }

    @Test func enlargingMatchesReferenceAndEqualsPlainBilinear() {
        let input = pattern(height: 3, width: 4)
        let aa = input.resized(width: 7, height: 5)
        expectClose(aa.values, Reference.aa_3x4_to_5x7)
        expectClose(input.resized(width: 7, height: 5, filter: .bilinear).values, aa.values, tolerance: 1e-6)
    }

    @Test func plainBilinearShrinkMatchesTorchIndexRule() {
        expectClose(pattern(height: 7, width: 9).resized(width: 4, height: 3, filter: .bilinear).values, Reference.bl_7x9_to_3x4)
    }

    @Test func mixedShrinkAndEnlargeMatchesReference() {
        // 37 × 61 → 80 × 11: rows enlarged, columns shrunk 5.5×; spot values and the sum from the same script.
        let out = pattern(height: 37, width: 61).resized(width: 11, height: 80)
        let spots: [(Int, Float)] = [(0, 0.517162), (1, 0.457168), (10, 0.570000), (11, 0.520186),
                                     (123, 0.562309), (440, 0.457089), (777, 0.533219), (879, 0.466520)]
        for (index, value) in spots { #expect(abs(out.values[index] - value) < 2e-6) }
        #expect(abs(out.values.reduce(0, +) - 439.852089) < 1e-3)
    }

    @Test func everyChannelIsResizedTheSame() {
        let out = pattern(height: 7, width: 9, channels: 3).resized(width: 4, height: 3)
        for c in 0..<3 { expectClose(out.plane(c).values, Reference.aa_7x9_to_3x4) }
    }

    @Test func constantImageStaysConstantAndSameSizeIsIdentity() {
        let flat = PlanarImage(width: 17, height: 5, channels: 2, repeating: 0.3)
        for filter in ResizeFilter.allCases {
            #expect(flat.resized(width: 6, height: 11, filter: filter).values.allSatisfy { abs($0 - 0.3) < 1e-6 })
        }
        let p = pattern(height: 7, width: 9)
        #expect(p.resized(width: 9, height: 7) == p)
    }

    @Test func imageResizeRoundsBackToEightBits() {
        let image = Image(width: 4, height: 2, channels: 1, pixels: [0, 255, 0, 255, 0, 255, 0, 255])
        let out = image.resized(width: 2, height: 1)
        #expect(out.bitDepth == 8)
        // Output 0: centre 1, support 2, inputs 0…2 weighted (3, 3, 1)/7 → 255·3/7 = 109.3 → 109.
        // Output 1: centre 3, inputs 1…3 weighted (1, 3, 3)/7 → 255·4/7 = 145.7 → 146.
        #expect(out.samples == .uint8([109, 146]))
    }

    @Test func weightsSumToOne() {
        for (input, output) in [(900, 256), (5, 3), (3, 5), (1, 4), (4, 1)] {
            let table = ResampleWeights(input: input, output: output, filter: .antialiasedBilinear)
            for o in 0..<output {
                let sum = (0..<table.counts[o]).reduce(Float(0)) { $0 + table.weights[o * table.stride + $1] }
                #expect(abs(sum - 1) < 1e-5)
                #expect(table.starts[o] >= 0 && table.starts[o] + table.counts[o] <= input)
            }
        }
    }
}

/* The numpy script that produced the reference values (run once; not used by the tests):

import numpy as np
def aa_matrix(inp, out):
    scale = inp / out; support = max(scale, 1.0)
    M = np.zeros((out, inp))
    for i in range(out):
        c = (i + 0.5) * scale
        lo = max(int(np.floor(c - support + 0.5)), 0); hi = min(int(np.floor(c + support + 0.5)), inp)
        w = np.array([max(0, 1 - abs((x - c + 0.5) / support)) for x in range(lo, hi)])
        M[i, lo:hi] = w / w.sum()
    return M
def bl_matrix(inp, out):
    scale = inp / out; M = np.zeros((out, inp))
    for i in range(out):
        s = max(scale * (i + 0.5) - 0.5, 0); i0 = min(int(s), inp - 1); l = s - i0
        if i0 < inp - 1: M[i, i0] += 1 - l; M[i, i0 + 1] += l
        else: M[i, i0] = 1
    return M
def pattern(h, w):
    # same formula as the Swift test: ((i * 37 + 11) % 101) / 100
    return np.array([((i * 37 + 11) % 101) / 100 for i in range(h * w)]).reshape(h, w)
def show(name, a):
    print(f"    static let {name}: [Float] = [" + ", ".join(f"{v:.6f}" for v in a.ravel()) + "]")
for (h, w, oh, ow, f) in [(7, 9, 3, 4, 'aa'), (3, 4, 5, 7, 'aa'), (6, 13, 4, 5, 'aa'), (7, 9, 3, 4, 'bl'), (3, 4, 5, 7, 'bl')]:
    x = pattern(h, w)
    m = aa_matrix if f == 'aa' else bl_matrix
    y = m(h, oh) @ x @ m(w, ow).T
    show(f"{f}_{h}x{w}_to_{oh}x{ow}", y)
*/
