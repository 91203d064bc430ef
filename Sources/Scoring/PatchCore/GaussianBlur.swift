import Foundation

/// A separable Gaussian blur with mirrored borders, as anomalib's `GaussianBlur2d` (kornia's kernel,
/// `border_type="reflect"`) applies it to PatchCore's maps.
///
/// The kernel has 2·⌊4σ + ½⌋ + 1 taps, weights exp(−x²/2σ²) normalised to sum 1. Borders reflect
/// without repeating the edge pixel (…, 2, 1, | 0, 1, 2, …), torch's `reflect` padding, here
/// repeated as often as needed so maps narrower than the kernel work too.
public struct GaussianBlur: Sendable, Hashable {
    public let sigma: Double
    /// The normalised 1-D kernel, centre in the middle.
    public let kernel: [Float]

    /// - Precondition: σ > 0 and finite.
    public init(sigma: Double) {
        precondition(sigma > 0 && sigma.isFinite, "blur sigma must be positive")
        self.sigma = sigma
        let half = Int(4 * sigma + 0.5)
        let weights = (-half...half).map { x in Foundation.exp(-Double(x * x) / (2 * sigma * sigma)) }
        let total = weights.reduce(0, +)
        kernel = weights.map { Float($0 / total) }
    }

    /// anomalib's kernel size for σ: 2·⌊4σ + ½⌋ + 1 (33 at σ = 4).
    public var kernelSize: Int { kernel.count }

    /// The blurred `width` × `height` row-major plane.
    /// - Precondition: `values.count == width × height`, both positive.
    /// - Complexity: O(width × height × kernel size).
    public func apply(_ values: [Float], width: Int, height: Int) -> [Float] {
        precondition(width > 0 && height > 0 && values.count == width * height, "blur plane size")
        let half = kernel.count / 2
        let colTaps = (-half..<(width + half)).map { reflect($0, width) }
        let rowTaps = (-half..<(height + half)).map { reflect($0, height) }
        var horizontal = [Float](repeating: 0, count: values.count)
        var out = [Float](repeating: 0, count: values.count)
        kernel.withUnsafeBufferPointer { k in
            values.withUnsafeBufferPointer { v in
                horizontal.withUnsafeMutableBufferPointer { h in
                    for y in 0..<height {
                        let row = y * width
                        for x in 0..<width {
                            var s: Float = 0
                            for t in 0..<k.count { s += k[t] * v[row + colTaps[x + t]] }
                            h[row + x] = s
                        }
                    }
                }
            }
            horizontal.withUnsafeBufferPointer { h in
                out.withUnsafeMutableBufferPointer { o in
                    for y in 0..<height {
                        for t in 0..<k.count {
                            let source = rowTaps[y + t] * width, weight = k[t]
                            for x in 0..<width { o[y * width + x] += weight * h[source + x] }
                        }
                    }
                }
            }
        }
        return out
    }

    /// torch's `reflect` index, folded repeatedly; a one-pixel side always reads pixel 0.
    private func reflect(_ i: Int, _ n: Int) -> Int {
        guard n > 1 else { return 0 }
        let period = 2 * (n - 1)
        var j = i % period
        if j < 0 { j += period }
        return j < n ? j : period - j
    }
}
