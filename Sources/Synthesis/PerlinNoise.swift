import Foundation
import Imaging
import Randomness

/// Gradient (Perlin) noise exactly as anomalib's `generate_perlin_noise` (REFERENCE §5), with optional octaves.
///
/// One octave: draw a scale 2^k per axis with k uniform in `scaleExponents`
/// (0…5, so 1 to 32 cells), independently for rows and columns; put unit
/// gradients at uniform angles in [0, 2π) on the (rows + 1) × (columns + 1)
/// lattice; for each pixel take the dot products of the four corner gradients
/// with the offsets (u, v), (u − 1, v), (u, v − 1), (u − 1, v − 1); blend with
/// the fade 6t⁵ − 15t⁴ + 10t³ along the rows' axis, then the columns' axis; ×√2.
/// The field is laid out on the height and width padded up to powers of two
/// and cropped back; since every pixel depends only on its own padded
/// coordinates, the crop is computed directly without the padding.
///
/// With `octaves` > 1, octave o doubles both scales o times (capped at the
/// padded size) and is weighted by persistenceᵒ; the sum is divided by the
/// total weight so the range stays about [−1, 1].
public struct PerlinNoise: Sendable, Hashable {
    /// k is drawn uniformly from this range for each axis; the scale is 2^k.
    public var scaleExponents: ClosedRange<Int>
    /// Number of summed octaves; 1 is anomalib's noise.
    public var octaves: Int
    /// Weight ratio between successive octaves.
    public var persistence: Float

    /// - Precondition: exponents in 0…30, octaves ≥ 1, persistence > 0.
    public init(scaleExponents: ClosedRange<Int> = 0...5, octaves: Int = 1, persistence: Float = 0.5) {
        precondition(scaleExponents.lowerBound >= 0 && scaleExponents.upperBound <= 30, "scale exponents must lie in 0...30")
        precondition(octaves >= 1, "at least one octave")
        precondition(persistence > 0, "persistence must be positive")
        self.scaleExponents = scaleExponents
        self.octaves = octaves
        self.persistence = persistence
    }

    /// Draws the per-axis scale: rows first, then columns, each 2^k with k uniform in `scaleExponents`.
    public func drawScale<G: RandomNumberGenerator>(using generator: inout G) -> PerlinScale {
        let count = scaleExponents.count
        let rows = 1 << (scaleExponents.lowerBound + generator.nextInt(below: count))
        let columns = 1 << (scaleExponents.lowerBound + generator.nextInt(below: count))
        return PerlinScale(rows: rows, columns: columns)
    }

    /// A `height` × `width` single-channel noise field with a freshly drawn scale.
    /// - Complexity: O(octaves × width × height).
    public func generate<G: RandomNumberGenerator>(width: Int, height: Int, using generator: inout G) -> PlanarImage {
        generate(width: width, height: height, scale: drawScale(using: &generator), using: &generator)
    }

    /// A `height` × `width` single-channel noise field at a given base scale.
    ///
    /// Scales larger than the padded size are capped to it (anomalib fails on
    /// them: a cell would be less than one pixel).
    /// - Complexity: O(octaves × width × height).
    public func generate<G: RandomNumberGenerator>(width: Int, height: Int, scale: PerlinScale, using generator: inout G) -> PlanarImage {
        precondition(width > 0 && height > 0, "noise size must be positive")
        let paddedHeight = Self.nextPowerOfTwo(height)
        let paddedWidth = Self.nextPowerOfTwo(width)
        var field = [Float](repeating: 0, count: width * height)
        var amplitude: Float = 1
        var totalAmplitude: Float = 0
        for octave in 0..<octaves {
            let rows = min(scale.rows << min(octave, 30), paddedHeight)
            let columns = min(scale.columns << min(octave, 30), paddedWidth)
            Self.accumulate(into: &field, width: width, height: height, paddedWidth: paddedWidth, paddedHeight: paddedHeight,
                            rows: rows, columns: columns, amplitude: amplitude, using: &generator)
            totalAmplitude += amplitude
            amplitude *= persistence
        }
        if octaves > 1 {
            let inverse = 1 / totalAmplitude
            for i in field.indices { field[i] *= inverse }
        }
        return PlanarImage(width: width, height: height, channels: 1, values: field)
    }

    /// The smallest power of two ≥ n (n ≥ 1).
    static func nextPowerOfTwo(_ n: Int) -> Int {
        n <= 1 ? 1 : 1 << (Int.bitWidth - (n - 1).leadingZeroBitCount)
    }

    /// Adds amplitude × one octave of noise to `field`.
    private static func accumulate<G: RandomNumberGenerator>(
        into field: inout [Float], width: Int, height: Int, paddedWidth: Int, paddedHeight: Int,
        rows: Int, columns: Int, amplitude: Float, using generator: inout G
    ) {
        // Gradients in row-major lattice order, as torch.rand(scalex + 1, scaley + 1).
        let latticeWidth = columns + 1
        let latticeCount = (rows + 1) * latticeWidth
        var gradientX = [Float](repeating: 0, count: latticeCount)
        var gradientY = [Float](repeating: 0, count: latticeCount)
        for i in 0..<latticeCount {
            let angle = 2 * Double.pi * generator.nextUnitInterval()
            gradientX[i] = Float(Foundation.cos(angle))
            gradientY[i] = Float(Foundation.sin(angle))
        }
        // Per-column offset v and faded v; cells are paddedWidth / columns pixels wide.
        let cellWidth = paddedWidth / columns
        let cellHeight = paddedHeight / rows
        var offsetV = [Float](repeating: 0, count: width)
        var fadeV = [Float](repeating: 0, count: width)
        for x in 0..<width {
            let v = Float(x % cellWidth) / Float(cellWidth)
            offsetV[x] = v
            fadeV[x] = fade(v)
        }
        let scale = amplitude * Float(2).squareRoot()
        // Within one row u and t are fixed, so along each lattice cell the two
        // row-blended edges are linear in v: n0 = a + b·v and n1 = c + d·(v − 1).
        // Computing a, b, c, d once per cell leaves six flops per pixel.
        var a = [Float](repeating: 0, count: columns)
        var b = [Float](repeating: 0, count: columns)
        var c = [Float](repeating: 0, count: columns)
        var d = [Float](repeating: 0, count: columns)
        gradientX.withUnsafeBufferPointer { gx in
            gradientY.withUnsafeBufferPointer { gy in
                field.withUnsafeMutableBufferPointer { out in
                    offsetV.withUnsafeBufferPointer { offsetV in
                        fadeV.withUnsafeBufferPointer { fadeV in
                            for y in 0..<height {
                                let i = y / cellHeight
                                let u = Float(y % cellHeight) / Float(cellHeight)
                                let t = fade(u)
                                let top = i * latticeWidth
                                let bottom = top + latticeWidth
                                for j in 0..<columns {
                                    // Corners (row, column): g[i][j], g[i+1][j], g[i][j+1], g[i+1][j+1].
                                    let x00 = gx[top + j] * u, x10 = gx[bottom + j] * (u - 1)
                                    let x01 = gx[top + j + 1] * u, x11 = gx[bottom + j + 1] * (u - 1)
                                    a[j] = x00 + t * (x10 - x00)
                                    b[j] = gy[top + j] + t * (gy[bottom + j] - gy[top + j])
                                    c[j] = x01 + t * (x11 - x01)
                                    d[j] = gy[top + j + 1] + t * (gy[bottom + j + 1] - gy[top + j + 1])
                                }
                                let row = out.baseAddress! + y * width
                                var x = 0
                                var j = 0
                                while x < width {
                                    let end = min(x + cellWidth, width)
                                    let (aj, bj, cj, dj) = (a[j], b[j], c[j], d[j])
                                    for p in x..<end {
                                        let v = offsetV[p]
                                        let n0 = aj + bj * v
                                        let n1 = cj + dj * (v - 1)
                                        row[p] += scale * (n0 + fadeV[p] * (n1 - n0))
                                    }
                                    x = end
                                    j += 1
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The quintic fade 6t⁵ − 15t⁴ + 10t³.
@inline(__always)
func fade(_ t: Float) -> Float {
    t * t * t * (t * (t * 6 - 15) + 10)
}
