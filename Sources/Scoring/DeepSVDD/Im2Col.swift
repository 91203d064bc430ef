import LinearAlgebra

// Convolution lowering: a stride-1 convolution of one C×H×W image with a
// k×k kernel becomes one matrix product with its "column" matrix, whose row
// (c, ky, kx) holds the input pixel under kernel tap (ky, kx) for every
// output position. col2im is the adjoint: it adds columns back onto pixels.

/// The geometry of a stride-1, zero-padded k×k convolution over one image.
struct ConvolutionGeometry: Sendable, Hashable {
    let channels: Int
    let height: Int
    let width: Int
    let kernel: Int
    let padding: Int

    var outputHeight: Int { height + 2 * padding - kernel + 1 }
    var outputWidth: Int { width + 2 * padding - kernel + 1 }
    /// Rows of the column matrix: C·k·k.
    var columnRows: Int { channels * kernel * kernel }
    /// Columns of the column matrix: one per output position.
    var columnCount: Int { outputHeight * outputWidth }

    /// For kernel column `kx`, the output columns whose input column lies inside the image.
    @inline(__always)
    func validOutputColumns(_ kx: Int) -> Range<Int> {
        let lower = max(0, padding - kx)
        let upper = min(outputWidth, width + padding - kx)
        return lower..<max(lower, upper)
    }

    /// Writes the (C·k·k)×(outH·outW) column matrix of `image` into `columns`.
    /// - Complexity: O(C · k² · outH · outW).
    func im2col(_ image: UnsafePointer<Float>, into columns: UnsafeMutablePointer<Float>) {
        let (oh, ow) = (outputHeight, outputWidth)
        // Rows are independent, and there are many even for a one-channel input.
        Parallel.forEach(iterations: columnRows, elements: columnRows * oh * ow) { r in
            let (c, ky, kx) = (r / (kernel * kernel), (r / kernel) % kernel, r % kernel)
            let plane = image + c * height * width
            let row = columns + r * oh * ow
            let valid = validOutputColumns(kx)
            for oy in 0..<oh {
                let dst = row + oy * ow
                let iy = oy + ky - padding
                guard iy >= 0 && iy < height, !valid.isEmpty else {
                    dst.update(repeating: 0, count: ow)
                    continue
                }
                if valid.lowerBound > 0 { dst.update(repeating: 0, count: valid.lowerBound) }
                dst.advanced(by: valid.lowerBound)
                    .update(from: plane + iy * width + valid.lowerBound + kx - padding, count: valid.count)
                if valid.upperBound < ow {
                    dst.advanced(by: valid.upperBound).update(repeating: 0, count: ow - valid.upperBound)
                }
            }
        }
    }

    /// Adds the column matrix `columns` back onto `image` (which it does not clear first).
    /// - Complexity: O(C · k² · outH · outW).
    func col2im(_ columns: UnsafePointer<Float>, addingInto image: UnsafeMutablePointer<Float>) {
        let (oh, ow) = (outputHeight, outputWidth)
        // Taps of one channel add onto the same plane, so only channels run in parallel.
        Parallel.forEach(iterations: channels, elements: columnRows * oh * ow) { c in
            let plane = image + c * height * width
            for ky in 0..<kernel {
                for kx in 0..<kernel {
                    let row = columns + ((c * kernel + ky) * kernel + kx) * oh * ow
                    let valid = validOutputColumns(kx)
                    guard !valid.isEmpty else { continue }
                    for oy in 0..<oh {
                        let iy = oy + ky - padding
                        guard iy >= 0 && iy < height else { continue }
                        let src = row + oy * ow + valid.lowerBound
                        let dst = plane + iy * width + valid.lowerBound + kx - padding
                        for j in 0..<valid.count { dst[j] += src[j] }
                    }
                }
            }
        }
    }
}
