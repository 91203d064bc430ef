/// A dense `Float` array with a shape, stored row-major (the last dimension varies fastest).
///
/// Deep SVDD reads feature vectors as N×D tensors and grey images as N×1×H×W
/// (channels before rows, as PyTorch does). The first dimension is always the sample.
public struct Tensor: Sendable, Hashable {
    /// The size of each dimension, outermost first.
    public private(set) var shape: [Int]
    /// The elements in row-major order.
    public var values: [Float]

    /// Wraps row-major `values`; their count must equal the product of `shape`.
    public init(shape: [Int], values: [Float]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "tensor dimensions must be non-negative")
        precondition(values.count == shape.reduce(1, *), "\(values.count) values for shape \(shape)")
        self.shape = shape
        self.values = values
    }

    /// A tensor of the given shape filled with `value` (zero by default).
    public init(shape: [Int], repeating value: Float = 0) {
        self.init(shape: shape, values: Array(repeating: value, count: shape.reduce(1, *)))
    }

    /// An N×D tensor from N equally long rows.
    public init(rows: [[Float]]) {
        let width = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == width }, "rows have different lengths")
        self.init(shape: [rows.count, width], values: rows.flatMap { $0 })
    }

    /// The number of samples (the first dimension).
    public var count: Int { shape.first ?? 0 }

    /// The number of values per sample (the product of all but the first dimension).
    public var sampleSize: Int { shape.dropFirst().reduce(1, *) }

    /// The same values viewed with another shape of equal size.
    public func reshaped(_ newShape: [Int]) -> Tensor {
        Tensor(shape: newShape, values: values)
    }

    /// The samples at `indices`, in that order.
    /// - Complexity: O(indices.count × sampleSize).
    public func samples(_ indices: [Int]) -> Tensor {
        let size = sampleSize
        var out = [Float]()
        out.reserveCapacity(indices.count * size)
        for i in indices { out.append(contentsOf: values[(i * size)..<((i + 1) * size)]) }
        return Tensor(shape: [indices.count] + shape.dropFirst(), values: out)
    }

    /// The samples `range`, in order.
    /// - Complexity: O(range.count × sampleSize).
    public func samples(_ range: Range<Int>) -> Tensor {
        let size = sampleSize
        return Tensor(shape: [range.count] + shape.dropFirst(),
                      values: Array(values[(range.lowerBound * size)..<(range.upperBound * size)]))
    }
}
