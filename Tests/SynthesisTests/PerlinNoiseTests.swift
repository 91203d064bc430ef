import Testing
import Imaging
import Randomness
@testable import Synthesis

/// Returns (k + 1) · 0x9E3779B97F4A7C15 mod 2⁶⁴ for the k-th call, so a script can reproduce the draws.
private struct CounterGenerator: RandomNumberGenerator {
    var k: UInt64 = 0
    mutating func next() -> UInt64 {
        k += 1
        return k &* 0x9E37_79B9_7F4A_7C15
    }
}

/// A literal numpy port of anomalib 2.7's `generate_perlin_noise` (meshgrid, `% 1`,
/// `repeat_interleave`, the four shifted dot products, two lerps, ×√2), fed the same
/// gradient angles 2π·u_k: the script is at the end of this file. 6 × 5 pads to 8 × 8.
private let perlin6x5Rows2Columns4: [Float] = [0.000000, -0.591022, 0.000000, 0.632780, 0.000000, -0.205210, -0.661111, 0.078315, 0.696326, 0.089715, -0.168915, -0.610632, 0.193865, 0.572352, -0.116985, 0.001324, -0.570045, 0.155686, 0.417895, -0.230919, 0.000000, -0.655192, 0.000000, 0.435043, 0.000000, -0.115143, -0.723758, -0.051091, 0.470200, 0.190489]

@Suite struct PerlinNoiseTests {
    @Test func matchesAnomalibFormulaPort() {
        var generator = CounterGenerator()
        let field = PerlinNoise().generate(width: 5, height: 6, scale: PerlinScale(rows: 2, columns: 4), using: &generator)
        let worst = zip(field.values, perlin6x5Rows2Columns4).map { abs($0 - $1) }.max() ?? 1
        #expect(worst < 2e-6, "largest difference \(worst)")
    }

    @Test func rangeIsAboutMinusOneToOne() {
        var generator = SeededGenerator(seed: 1)
        var low = Float.infinity
        var high = -Float.infinity
        for _ in 0..<40 {
            let field = PerlinNoise().generate(width: 64, height: 64, using: &generator)
            low = min(low, field.values.min()!)
            high = max(high, field.values.max()!)
        }
        // √2 × 2-D gradient noise is bounded by 1; over 40 fields the extremes get close.
        #expect(low >= -1.0001 && high <= 1.0001)
        #expect(low < -0.7 && high > 0.7)
    }

    @Test func sameSeedSameField() {
        var a = SeededGenerator(seed: 9)
        var b = SeededGenerator(seed: 9)
        #expect(PerlinNoise().generate(width: 50, height: 30, using: &a) == PerlinNoise().generate(width: 50, height: 30, using: &b))
    }

    @Test func nonPowerOfTwoSizeIsTheCropOfThePaddedField() {
        // 200 × 120 pads to 256 × 128; with the same scale and generator state the
        // lattice gradients are identical, so the small field is the crop of the large one.
        let scale = PerlinScale(rows: 4, columns: 8)
        var a = SeededGenerator(seed: 3)
        var b = SeededGenerator(seed: 3)
        let small = PerlinNoise().generate(width: 200, height: 120, scale: scale, using: &a)
        let padded = PerlinNoise().generate(width: 256, height: 128, scale: scale, using: &b)
        #expect(small == padded.cropped(x: 0, y: 0, width: 200, height: 120))
    }

    @Test func latticePointsAreZero() {
        // At u = v = 0 every corner offset dotted with its gradient vanishes at (0, 0).
        var generator = SeededGenerator(seed: 5)
        let field = PerlinNoise().generate(width: 40, height: 24, scale: PerlinScale(rows: 2, columns: 4), using: &generator)
        // Padded 64 × 32: cells are 16 rows × 16 columns.
        for y in stride(from: 0, to: 24, by: 16) {
            for x in stride(from: 0, to: 40, by: 16) { #expect(field[0, y, x] == 0) }
        }
        #expect(field.values.contains { $0 != 0 })
    }

    @Test func scaleExponentsAreUniformAndIndependentPerAxis() {
        // Chi-square over the six exponents per axis, 6,000 draws: df = 5, 0.1% critical value 20.5.
        var generator = SeededGenerator(seed: 11)
        let draws = 6000
        var rows = [Int](repeating: 0, count: 6)
        var columns = [Int](repeating: 0, count: 6)
        var same = 0
        for _ in 0..<draws {
            let scale = PerlinNoise().drawScale(using: &generator)
            let r = scale.rows.trailingZeroBitCount
            let c = scale.columns.trailingZeroBitCount
            rows[r] += 1
            columns[c] += 1
            if r == c { same += 1 }
        }
        let expected = Double(draws) / 6
        for counts in [rows, columns] {
            let chi2 = counts.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
            #expect(chi2 < 20.5, "chi-square \(chi2) for \(counts)")
        }
        // Independent axes agree with probability 1/6: within 4 binomial SE.
        let p = Double(same) / Double(draws)
        #expect(abs(p - 1.0 / 6) < 4 * (1.0 / 6 * 5.0 / 6 / Double(draws)).squareRoot())
    }

    @Test func tinyImagesCapTheScale() {
        var generator = SeededGenerator(seed: 2)
        let field = PerlinNoise().generate(width: 3, height: 1, scale: PerlinScale(rows: 32, columns: 32), using: &generator)
        #expect(field.values.count == 3 && field.values.allSatisfy { $0.isFinite })
    }

    @Test func octavesStayInRange() {
        var generator = SeededGenerator(seed: 4)
        let field = PerlinNoise(octaves: 4).generate(width: 64, height: 64, using: &generator)
        #expect(field.values.allSatisfy { abs($0) <= 1.0001 })
        #expect(PerlinNoise.nextPowerOfTwo(1) == 1 && PerlinNoise.nextPowerOfTwo(5) == 8 && PerlinNoise.nextPowerOfTwo(256) == 256)
    }
}

/* The numpy script that produced the reference values (run once; not used by the tests):

# A literal numpy port of anomalib 2.7's generate_perlin_noise (torch -> numpy), with
# gradient angles from a counter generator the Swift test reproduces:
# x_k = (k + 1) * 0x9E3779B97F4A7C15 mod 2^64, u_k = (x_k >> 11) * 2^-53.
import numpy as np
def unit(k):
    x = ((k + 1) * 0x9E3779B97F4A7C15) % (1 << 64)
    return (x >> 11) * 2.0 ** -53
def perlin(height, width, scalex, scaley):
    nextpow2 = lambda v: int(2 ** np.ceil(np.log2(v)))
    pad_h, pad_w = nextpow2(height), nextpow2(width)
    delta = (scalex / pad_h, scaley / pad_w)
    d = (pad_h // scalex, pad_w // scaley)
    grid = np.stack(np.meshgrid(np.arange(0, scalex, delta[0]), np.arange(0, scaley, delta[1]), indexing="ij"), axis=-1) % 1
    angles = 2 * np.pi * np.array([unit(k) for k in range((scalex + 1) * (scaley + 1))]).reshape(scalex + 1, scaley + 1)
    gradients = np.stack((np.cos(angles), np.sin(angles)), axis=-1)
    def tile(s1, s2):
        return gradients[s1[0]:s1[1], s2[0]:s2[1]].repeat(d[0], 0).repeat(d[1], 1)
    def dot(grad, shift):
        return (np.stack((grid[:pad_h, :pad_w, 0] + shift[0], grid[:pad_h, :pad_w, 1] + shift[1]), axis=-1) * grad[:pad_h, :pad_w]).sum(axis=-1)
    n00 = dot(tile([0, -1], [0, -1]), [0, 0])
    n10 = dot(tile([1, None], [0, -1]), [-1, 0])
    n01 = dot(tile([0, -1], [1, None]), [0, -1])
    n11 = dot(tile([1, None], [1, None]), [-1, -1])
    fade = lambda t: 6 * t**5 - 15 * t**4 + 10 * t**3
    t = fade(grid[:pad_h, :pad_w])
    lerp = lambda a, b, w: a + w * (b - a)
    noise = np.sqrt(2) * lerp(lerp(n00, n10, t[..., 0]), lerp(n01, n11, t[..., 0]), t[..., 1])
    return noise[:height, :width]
n = perlin(6, 5, 2, 4)
print("    static let perlin6x5Rows2Columns4: [Float] = [" + ", ".join(f"{v:.6f}" for v in n.ravel()) + "]")
*/
