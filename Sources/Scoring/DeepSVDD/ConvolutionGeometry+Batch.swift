// The three im2col products that both convolution layers are made of. A convolution and a
// transposed convolution are adjoint: one's forward pass is the other's input gradient, and
// their weight gradients are the same product with the roles of input and output swapped.

extension ConvolutionGeometry {
    /// out[i] = W · im2col(images[i]) for each of `count` images: the convolution of each image.
    ///
    /// W is rows × `columnRows`; each image is channels × height × width, each output rows × `columnCount`.
    /// - Returns: `count` outputs, one after another.
    /// - Complexity: O(count · rows · columnRows · columnCount).
    func correlate(_ images: [Float], count: Int, weights: [Float], rows: Int) -> [Float] {
        var out = [Float](repeating: 0, count: count * rows * columnCount)
        images.withUnsafeBufferPointer { ip in
            weights.withUnsafeBufferPointer { wp in
                out.withUnsafeMutableBufferPointer { op in
                    let columns = UnsafeMutablePointer<Float>.allocate(capacity: columnRows * columnCount)
                    defer { columns.deallocate() }
                    for i in 0..<count {
                        im2col(ip.baseAddress! + i * channels * height * width, into: columns)
                        nnMatmul(wp.baseAddress!, columns, into: op.baseAddress! + i * rows * columnCount,
                                 m: rows, n: columnCount, k: columnRows)
                    }
                }
            }
        }
        return out
    }

    /// out[i] = col2im(Wᵀ · inputs[i]) for each of `count` inputs: the adjoint of `correlate`.
    ///
    /// W is rows × `columnRows`; each input is rows × `columnCount`.
    /// - Returns: `count` images of channels × height × width, one after another.
    /// - Complexity: O(count · rows · columnRows · columnCount).
    func scatter(_ inputs: [Float], count: Int, weights: [Float], rows: Int) -> [Float] {
        var out = [Float](repeating: 0, count: count * channels * height * width)
        inputs.withUnsafeBufferPointer { ip in
            weights.withUnsafeBufferPointer { wp in
                out.withUnsafeMutableBufferPointer { op in
                    let columns = UnsafeMutablePointer<Float>.allocate(capacity: columnRows * columnCount)
                    defer { columns.deallocate() }
                    for i in 0..<count {
                        nnMatmul(wp.baseAddress!, ip.baseAddress! + i * rows * columnCount, into: columns,
                                 m: columnRows, n: columnCount, k: rows, transposeA: true)
                        col2im(columns, addingInto: op.baseAddress! + i * channels * height * width)
                    }
                }
            }
        }
        return out
    }

    /// dW = Σᵢ a[i] · im2col(images[i])ᵀ: the weight gradient shared by both layers.
    ///
    /// Each a[i] is rows × `columnCount`; dW is rows × `columnRows`, summed over the images in order.
    /// - Complexity: O(count · rows · columnRows · columnCount).
    func weightGradient(_ a: [Float], images: [Float], count: Int, rows: Int) -> [Float] {
        var dw = [Float](repeating: 0, count: rows * columnRows)
        a.withUnsafeBufferPointer { ap in
            images.withUnsafeBufferPointer { ip in
                dw.withUnsafeMutableBufferPointer { dwp in
                    let columns = UnsafeMutablePointer<Float>.allocate(capacity: columnRows * columnCount)
                    defer { columns.deallocate() }
                    for i in 0..<count {
                        im2col(ip.baseAddress! + i * channels * height * width, into: columns)
                        nnMatmul(ap.baseAddress! + i * rows * columnCount, columns, into: dwp.baseAddress!,
                                 m: rows, n: columnRows, k: columnCount, transposeB: true, accumulate: i > 0)
                    }
                }
            }
        }
        return dw
    }
}
