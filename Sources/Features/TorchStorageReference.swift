/// The element type of a tensor storage.
public enum TorchScalarType: String, Sendable, Hashable {
    case float32
    case int64

    /// Bytes per element.
    public var size: Int { self == .float32 ? 4 : 8 }
}

/// A storage as its persistent id names it: `('storage', type, key, location, numel[, view])`.
public struct TorchStorageReference: Sendable, Hashable {
    public let type: TorchScalarType
    /// The storage's name: its file-order key (legacy) or its file name under `data/` (zip format).
    public let key: String
    /// Elements in the storage.
    public let count: Int
}

/// A strided view into a storage, as `_rebuild_tensor_v2(storage, offset, size, stride, …)` describes it.
public struct TorchTensorReference: Sendable, Hashable {
    public let storage: TorchStorageReference
    /// Offset of element [0, …, 0], in elements.
    public let offset: Int
    public let shape: [Int]
    public let strides: [Int]
}

extension TorchTensorReference {
    /// The product of the shape, or `nil` when it overflows or a size is negative.
    /// - Complexity: O(rank).
    public var elementCount: Int? {
        var count = 1
        for n in shape {
            guard n >= 0 else { return nil }
            let (c, overflow) = count.multipliedReportingOverflow(by: n)
            guard !overflow else { return nil }
            count = c
        }
        return count
    }
}
