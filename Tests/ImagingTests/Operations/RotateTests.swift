import Testing
@testable import Imaging

private func ramp(width: Int, height: Int) -> PlanarImage {
    PlanarImage(width: width, height: height, channels: 1, values: (0..<(width * height)).map { Float($0) / 100 })
}

/// A literal numpy port of torchvision v2 `rotate` on float tensors (inverse affine matrix,
/// centred base grid, `grid_sample` bilinear with zero padding, fill blend by the sampled
/// mask channel), on the 5 × 7 pattern ((i·37 + 11) mod 101) / 100: the script is at the end of this file.
private enum TorchvisionReference {
    static let by30: [Float] = [0.000000, 0.048715, 0.153081, 0.462102, 0.562532, 0.662961, 0.087573, 0.178338, 0.705192, 0.571250, 0.468708, 0.402424, 0.200825, 0.131010, 0.340740, 0.139141, 0.676913, 0.340000, 0.508087, 0.540859, 0.339260, 0.422148, 0.479175, 0.683519, 0.716292, 0.650007, 0.646522, 0.094970, 0.060137, 0.558296, 0.320440, 0.217898, 0.247947, 0.053191, 0.000000]
    static let byMinus72_5: [Float] = [0.241369, 0.512819, 0.452036, 0.301445, 0.429767, 0.177734, 0.000000, 0.125148, 0.407822, 0.598539, 0.793033, 0.561167, 0.273062, 0.000000, 0.002626, 0.288207, 0.786414, 0.340000, 0.581241, 0.429058, 0.010484, 0.000000, 0.376447, 0.547929, 0.574621, 0.342755, 0.612358, 0.173242, 0.000000, 0.155389, 0.470732, 0.415820, 0.302026, 0.675647, 0.236668]
}

@Suite struct RotateTests {
    @Test(arguments: [(30.0, TorchvisionReference.by30), (-72.5, TorchvisionReference.byMinus72_5)])
    func matchesTorchvisionPort(angle: Double, expected: [Float]) {
        let input = PlanarImage(width: 7, height: 5, channels: 1, values: (0..<35).map { Float(($0 * 37 + 11) % 101) / 100 })
        let out = input.rotated(degrees: angle)
        let worst = zip(out.values, expected).map { abs($0 - $1) }.max() ?? 1
        #expect(worst < 1e-5, "largest difference \(worst)")
    }

    @Test func quarterTurnIsCounterClockwise() {
        let n = 5
        let input = ramp(width: n, height: n)
        let out = input.rotated(degrees: 90)
        // Counter-clockwise: out[y][x] = in[x][n − 1 − y]; the top-right corner moves to the top-left.
        for y in 0..<n {
            for x in 0..<n {
                #expect(abs(out[0, y, x] - input[0, x, n - 1 - y]) < 1e-4)
            }
        }
    }

    @Test func halfTurnOfARectangle() {
        let input = ramp(width: 6, height: 3)
        let out = input.rotated(degrees: 180)
        for y in 0..<3 {
            for x in 0..<6 { #expect(abs(out[0, y, x] - input[0, 2 - y, 5 - x]) < 1e-4) }
        }
    }

    @Test func zeroIsIdentity() {
        let input = ramp(width: 7, height: 4)
        #expect(input.rotated(degrees: 0) == input)
    }

    @Test func cornersTakeTheFill() {
        let input = PlanarImage(width: 8, height: 8, channels: 2, repeating: 1)
        let zero = input.rotated(degrees: 45)
        let half = input.rotated(degrees: 45, fill: 0.5)
        for c in 0..<2 {
            #expect(zero[c, 0, 0] == 0 && zero[c, 7, 7] == 0)
            #expect(half[c, 0, 0] == 0.5)
            // The centre stays inside: a constant image keeps its value there.
            #expect(abs(zero[c, 3, 3] - 1) < 1e-5 && abs(half[c, 4, 4] - 1) < 1e-5)
        }
    }

    @Test func borderBlendsByCoverage() {
        // A half-pixel shift at 180° of an even-sized image still lands on pixel centres,
        // so a small non-trivial angle is used: the border value is sample × coverage.
        let input = PlanarImage(width: 4, height: 4, channels: 1, repeating: 1)
        let out = input.rotated(degrees: 10)
        // Every value of a rotated constant image is coverage², which lies in [0, 1].
        #expect(out.values.allSatisfy { $0 >= 0 && $0 <= 1 + 1e-6 })
        #expect(out.values.contains { $0 > 0 && $0 < 1 })
    }

    @Test func anyAngleStaysInBoundsAndInRange() {
        // Regression: a source coordinate just below the width once rounded up to it in Float.
        let input = PlanarImage(width: 256, height: 17, channels: 1, values: (0..<(256 * 17)).map { Float($0 % 7) / 7 })
        for step in 0...300 {
            let out = input.rotated(degrees: -90 + Double(step) * 0.6003)
            #expect(out.values.allSatisfy { $0 >= 0 && $0 <= 1 })
        }
    }

    @Test func shearMovesRowsByTheirDepth() {
        // Output (x, y) reads input (x + f·(y + 0.5), y): with f = 2 row 0 shifts by one pixel, row 1 by three.
        let input = PlanarImage(width: 6, height: 2, channels: 1, values: (0..<12).map { Float($0) })
        let out = input.shearedHorizontally(by: 2)
        #expect(out[0, 0, 0] == 1 && out[0, 0, 4] == 5 && out[0, 0, 5] == 0)
        #expect(out[0, 1, 0] == 9 && out[0, 1, 2] == 11 && out[0, 1, 3] == 0)
    }
}

/* The numpy script that produced the reference values (run once; not used by the tests):

# A literal numpy port of torchvision.transforms.v2.functional.rotate on a float
# tensor (bilinear, expand=False, center=None, fill=0): _get_inverse_affine_matrix,
# _affine_grid, grid_sample(align_corners=False, padding zeros), then the fill blend
# with the sampled mask channel.
import math, numpy as np
def inverse_affine(center, angle):
    rot = math.radians(angle); sx = sy = 0.0; cx, cy = center
    a = math.cos(rot - sy) / math.cos(sy)
    b = -math.cos(rot - sy) * math.tan(sx) / math.cos(sy) - math.sin(rot)
    c = math.sin(rot - sy) / math.cos(sy)
    d = -math.sin(rot - sy) * math.tan(sx) / math.cos(sy) + math.cos(rot)
    m = [d, -b, 0.0, -c, a, 0.0]
    m[2] += m[0] * (-cx) + m[1] * (-cy); m[5] += m[3] * (-cx) + m[4] * (-cy)
    m[2] += cx; m[5] += cy
    return m
def grid_sample(img, gx, gy):
    C, H, W = img.shape
    ix = ((gx + 1) * W - 1) / 2; iy = ((gy + 1) * H - 1) / 2
    x0 = np.floor(ix).astype(int); y0 = np.floor(iy).astype(int)
    out = np.zeros((C,) + gx.shape)
    for dx in (0, 1):
        for dy in (0, 1):
            xs, ys = x0 + dx, y0 + dy
            w = (1 - abs(ix - xs)) * (1 - abs(iy - ys))
            ok = (xs >= 0) & (xs < W) & (ys >= 0) & (ys < H)
            v = img[:, np.clip(ys, 0, H - 1), np.clip(xs, 0, W - 1)]
            out += np.where(ok, w, 0) * v
    return out
def rotate(img, angle, fill=0.0):
    C, H, W = img.shape
    m = inverse_affine([0.0, 0.0], -angle)
    theta = np.array(m, dtype=np.float32).reshape(2, 3)
    xs = np.linspace(-W * 0.5 + 0.5, W * 0.5 - 0.5, W); ys = np.linspace(-H * 0.5 + 0.5, H * 0.5 - 0.5, H)
    bx, by = np.meshgrid(xs, ys)
    gx = (bx * theta[0, 0] + by * theta[0, 1] + theta[0, 2]) / (0.5 * W)
    gy = (bx * theta[1, 0] + by * theta[1, 1] + theta[1, 2]) / (0.5 * H)
    both = np.concatenate([img, np.ones((1, H, W))], 0)
    s = grid_sample(both, gx, gy)
    mask = s[-1:]; s = s[:-1]
    return (s - fill) * mask + fill
H, W = 5, 7
img = np.array([((i * 37 + 11) % 101) / 100 for i in range(H * W)]).reshape(1, H, W)
for angle in (30.0, -72.5):
    r = rotate(img, angle)
    print(f"    static let rotate5x7by{str(angle).replace('-', 'Minus').replace('.', '_')}: [Float] = [" + ", ".join(f"{v:.6f}" for v in r.ravel()) + "]")
*/
