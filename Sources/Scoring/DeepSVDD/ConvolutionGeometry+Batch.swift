// The three im2col products that both convolution layers are made of. A convolution and a
// transposed convolution are adjoint: one's forward pass is the other's input gradient, and
// their weight gradients are the same product with the roles of input and output swapped.

extension ConvolutionGeometry {
    /// out[i] = W · im2col(images[i]) for each of `count` images: the convolution of each image.
    ///
    /// W is rows × `columnRows`; each image is channels × height × width, each output rows × `columnCount`.
    /// - Complexity: O(count · rows · columnRows · columnCount).
    func correlate(_ images: UnsafePointer<Float>, count: Int, weights: UnsafePointer<Float>, rows: Int,
                   into out: UnsafeMutablePointer<Float>) {
        let columns = UnsafeMutablePointer<Float>.allocate(capacity: columnRows * columnCount)
        defer { columns.deallocate() }
        for i in 0..<count {
            im2col(images + i * channels * height * width, into: columns)
            nnMatmul(weights, columns, into: out + i * rows * columnCount, m: rows, n: columnCount, k: columnRows)
        }
    }

    /// out[i] += col2im(Wᵀ · inputs[i]) for each of `count` inputs: the adjoint of `correlate`.
    ///
    /// W is rows × `columnRows`; each input is rows × `columnCount`; each output channels × height × width.
    /// - Complexity: O(count · rows · columnRows · columnCount).
    func scatter(_ inputs: UnsafePointer<Float>, count: Int, weights: UnsafePointer<Float>, rows: Int,
                 addingInto out: UnsafeMutablePointer<Float>) {
        let columns = UnsafeMutablePointer<Float>.allocate(capacity: columnRows * columnCount)
        defer { columns.deallocate() }
        for i in 0..<count {
            nnMatmul(weights, inputs + i * rows * columnCount, into: columns,
                     m: columnRows, n: columnCount, k: rows, transposeA: true)
            col2im(columns, addingInto: out + i * channels * height * width)
        }
    }

    /// dW = Σᵢ a[i] · im2col(images[i])ᵀ: the weight gradient shared by both layers.
    ///
    /// Each a[i] is rows × `columnCount`; dW is rows × `columnRows`, summed over the images in order.
    /// - Complexity: O(count · rows · columnRows · columnCount).
    func weightGradient(_ a: UnsafePointer<Float>, images: UnsafePointer<Float>, count: Int, rows: Int,
                        into dw: UnsafeMutablePointer<Float>) {
        let columns = UnsafeMutablePointer<Float>.allocate(capacity: columnRows * columnCount)
        defer { columns.deallocate() }
        for i in 0..<count {
            im2col(images + i * channels * height * width, into: columns)
            nnMatmul(a + i * rows * columnCount, columns, into: dw, m: rows, n: columnRows, k: columnCount,
                     transposeB: true, accumulate: i > 0)
        }
    }
}
