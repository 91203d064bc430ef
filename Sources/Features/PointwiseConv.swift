import LinearAlgebra

/// A 1×1 convolution with its batch norm folded in: one matrix product over pixels.
///
/// Expand, project and head layers are all this shape and carry nearly all of
/// the network's arithmetic, so they go through the packed multi-core GEMM of
/// `LinearAlgebra`.
struct PointwiseConv: Sendable {
    let inputs: Int
    let outputs: Int
    /// inputs × outputs, already scaled by the batch norm (the transpose of PyTorch's layout).
    let weights: Matrix<Float>
    let bias: [Float]
    /// Apply ReLU6 (expand, head) or not (project).
    let activation: Bool

    /// Loads `<conv>.weight` (outputs × inputs × 1 × 1) and folds the batch norm at `bn`.
    init(_ checkpoint: TorchCheckpoint, conv: String, bn: String, inputs: Int, outputs: Int,
         activation: Bool) throws(FeaturesError) {
        let w = try checkpoint.floats(conv + ".weight", shape: [outputs, inputs, 1, 1])
        let norm = try BatchNorm(checkpoint, prefix: bn, channels: outputs)
        var t = [Float](repeating: 0, count: inputs * outputs)
        for o in 0..<outputs {
            for i in 0..<inputs { t[i * outputs + o] = w[o * inputs + i] * norm.scale[o] }
        }
        self.init(weights: Matrix(rows: inputs, columns: outputs, elements: t), bias: norm.bias, activation: activation)
    }

    init(weights: Matrix<Float>, bias: [Float], activation: Bool) {
        self.inputs = weights.rows
        self.outputs = weights.columns
        self.weights = weights
        self.bias = bias
        self.activation = activation
    }

    /// Floating-point operations for one image of `pixels` pixels (a multiply-add counts 2).
    func flops(pixels: Int) -> Double { 2 * Double(pixels * inputs * outputs) }

    /// Convolves `input`, adding `residual` (same shape as the output) after the bias when given.
    /// - Complexity: O(pixels × inputs × outputs).
    func callAsFunction(_ input: FeatureMap, residual: FeatureMap? = nil) -> FeatureMap {
        precondition(input.channels == inputs, "pointwise conv expects \(inputs) channels, got \(input.channels)")
        let n = outputs
        let rows = input.pixelCount
        let relu = activation
        // The raw `_gemm` entry rather than `Matrix.product`: the latter zero-fills its result through an
        // unspecialised generic initialiser (12% of the network's time when measured), and every element
        // is written by the product anyway (accumulate == false), so the buffer can start uninitialised.
        let y = [Float](unsafeUninitializedCapacity: rows * n) { out, initialised in
            input.values.withUnsafeBufferPointer { x in
                weights.elements.withUnsafeBufferPointer { w in
                    guard let xBase = x.baseAddress, let wBase = w.baseAddress, let outBase = out.baseAddress else { return }
                    Float._gemm(StridedOperand(base: xBase, rowStride: inputs, columnStride: 1),
                                StridedOperand(base: wBase, rowStride: n, columnStride: 1),
                                into: outBase, m: rows, n: n, k: inputs, ldc: n, accumulate: false)
                    bias.withUnsafeBufferPointer { b in
                        (residual?.values).withOptionalBuffer { r in
                            // Rows split into per-core chunks: this pass is memory-bound.
                            let chunks = rows >= 64 ? Parallel.coreCount : 1
                            Parallel.forEach(iterations: chunks) { chunk in
                                let r0 = rows * chunk / chunks, r1 = rows * (chunk + 1) / chunks
                                for row in r0..<r1 {
                                    addBias(outBase + row * n, b.baseAddress!, r.map { $0 + row * n }, count: n, relu: relu)
                                }
                            }
                        }
                    }
                }
            }
            initialised = rows * n
        }
        return FeatureMap(height: input.height, width: input.width, channels: outputs, values: y)
    }
}

/// row ← act(row + bias (+ skip)); plain loops that LLVM vectorises.
@inline(__always)
func addBias(_ row: UnsafeMutablePointer<Float>, _ bias: UnsafePointer<Float>, _ skip: UnsafePointer<Float>?,
             count: Int, relu: Bool) {
    if let skip {
        for c in 0..<count { row[c] += bias[c] + skip[c] }
    } else {
        for c in 0..<count { row[c] += bias[c] }
    }
    if relu { relu6(row, count: count) }
}

extension Optional where Wrapped == [Float] {
    /// Runs `body` with a pointer to the array's elements, or `nil` when there is no array.
    func withOptionalBuffer<R>(_ body: (UnsafePointer<Float>?) -> R) -> R {
        switch self {
        case .some(let array): return array.withUnsafeBufferPointer { body($0.baseAddress) }
        case .none: return body(nil)
        }
    }
}
