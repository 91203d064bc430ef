// The three im2col products that both convolution layers are made of. A convolution and a
// transposed convolution are adjoint: one's forward pass is the other's input gradient, and
// their weight gradients are the same product with the roles of input and output swapped.

extension ConvolutionGeometry {
    /// Floats in one image: channels × height × width.
    var imageSize: Int { channels * height * width }

    /// out[i] = W · im2col(images[i]) for each of `count` images: the convolution of each image.
    ///
    /// W is rows × `columnRows`; each image is channels × height × width, each output rows × `columnCount`.
    /// - Returns: `count` outputs, one after another.
    /// - Complexity: O(count · rows · columnRows · columnCount).
    func correlate(_ images: [Float], count: Int, weights: [Float], rows: Int) -> [Float] {
        var out = [Float](repeating: 0, count: count * rows * columnCount)
        forEachImage(count, images, weights, into: &out) { i, x, w, y, columns in
            im2col(x + i * imageSize, into: columns)
            nnMatmul(w, columns, into: y + i * rows * columnCount, m: rows, n: columnCount, k: columnRows)
        }
        return out
    }

    /// out[i] = col2im(Wᵀ · inputs[i]) for each of `count` inputs: the adjoint of `correlate`.
    ///
    /// W is rows × `columnRows`; each input is rows × `columnCount`.
    /// - Returns: `count` images of channels × height × width, one after another.
    /// - Complexity: O(count · rows · columnRows · columnCount).
    func scatter(_ inputs: [Float], count: Int, weights: [Float], rows: Int) -> [Float] {
        var out = [Float](repeating: 0, count: count * imageSize)
        forEachImage(count, inputs, weights, into: &out) { i, x, w, y, columns in
            nnMatmul(w, x + i * rows * columnCount, into: columns, m: columnRows, n: columnCount, k: rows, transposeA: true)
            col2im(columns, addingInto: y + i * imageSize)
        }
        return out
    }

    /// dW = Σᵢ a[i] · im2col(images[i])ᵀ: the weight gradient shared by both layers.
    ///
    /// Each a[i] is rows × `columnCount`; dW is rows × `columnRows`, summed over the images in order.
    /// - Complexity: O(count · rows · columnRows · columnCount).
    func weightGradient(_ a: [Float], images: [Float], count: Int, rows: Int) -> [Float] {
        var dw = [Float](repeating: 0, count: rows * columnRows)
        forEachImage(count, a, images, into: &dw) { i, a, x, dw, columns in
            im2col(x + i * imageSize, into: columns)
            nnMatmul(a + i * rows * columnCount, columns, into: dw, m: rows, n: columnRows, k: columnCount,
                     transposeB: true, accumulate: i > 0)
        }
        return dw
    }

    /// Calls `body(i, first, second, output, columns)` for i in 0..<count, in order, with the arrays as
    /// pointers and one column matrix (`columnRows` × `columnCount`) of scratch shared by the calls.
    private func forEachImage(
        _ count: Int, _ first: [Float], _ second: [Float], into output: inout [Float],
        _ body: (Int, UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>) -> Void
    ) {
        let columns = UnsafeMutablePointer<Float>.allocate(capacity: columnRows * columnCount)
        defer { columns.deallocate() }
        first.withUnsafeBufferPointer { p in
            second.withUnsafeBufferPointer { q in
                output.withUnsafeMutableBufferPointer { o in
                    for i in 0..<count { body(i, p.baseAddress!, q.baseAddress!, o.baseAddress!, columns) }
                }
            }
        }
    }
}
