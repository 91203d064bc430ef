/// A dense tensor read from a PyTorch checkpoint, row-major.
public struct TorchTensor: Sendable, Hashable {
    /// The element values; `int64` tensors (such as `num_batches_tracked`) keep their integers.
    public enum Elements: Sendable, Hashable {
        case float32([Float])
        case int64([Int64])
    }

    public let shape: [Int]
    public let elements: Elements

    /// The element count, the product of the shape.
    public var count: Int { shape.reduce(1, *) }

    /// A readable shape such as `[32, 3, 3, 3] float32`.
    public var summary: String {
        switch elements {
        case .float32: return "\(shape) float32"
        case .int64: return "\(shape) int64"
        }
    }
}

extension TorchTensor {
    /// Largest tensor accepted, in elements: 3× the largest real layer (the 1000 × 1280
    /// classifier), low enough that a hostile shape with zero strides cannot exhaust memory.
    static let maxElements = 1 << 22

    /// Materialises a strided view of `storage` (raw little-endian elements).
    ///
    /// - Returns: `nil` when the view reaches outside the storage or is absurdly large.
    /// - Complexity: O(elements); a contiguous view is one bulk copy.
    static func view(_ ref: TorchTensorReference, of storage: ArraySlice<UInt8>) -> TorchTensor? {
        let size = ref.storage.type.size
        let stored = storage.count / size
        guard ref.offset >= 0, ref.shape.allSatisfy({ $0 >= 0 }), ref.strides.allSatisfy({ $0 >= 0 }) else { return nil }
        var count = 1
        var last = ref.offset  // index of the final element
        for (n, s) in zip(ref.shape, ref.strides) {
            let (c, o1) = count.multipliedReportingOverflow(by: n)
            guard !o1, c <= maxElements else { return nil }
            count = c
            if n > 0 {
                let (reach, o2) = (n - 1).multipliedReportingOverflow(by: s)
                let (sum, o3) = last.addingReportingOverflow(reach)
                guard !o2, !o3 else { return nil }
                last = sum
            }
        }
        guard count == 0 || last < stored else { return nil }
        let contiguous = contiguousRun(ref)
        switch ref.storage.type {
        case .float32:
            let bits = gather(storage, ref, count: count, contiguous: contiguous, as: UInt32.self)
            return TorchTensor(shape: ref.shape, elements: .float32(bits.map { Float(bitPattern: $0) }))
        case .int64:
            return TorchTensor(shape: ref.shape, elements: .int64(gather(storage, ref, count: count, contiguous: contiguous, as: Int64.self)))
        }
    }

    /// Whether the strides are the row-major ones for the shape (size-1 axes may have any stride).
    static func contiguousRun(_ ref: TorchTensorReference) -> Bool {
        var expected = 1
        for (n, s) in zip(ref.shape, ref.strides).reversed() {
            if n != 1 && s != expected { return false }
            expected *= max(n, 1)
        }
        return true
    }

    /// Reads the view's elements in row-major order; the host is little-endian on every supported platform.
    ///
    /// A strided view walks an odometer over the shape, so it needs no index table.
    static func gather<T: FixedWidthInteger>(_ storage: ArraySlice<UInt8>, _ ref: TorchTensorReference, count: Int,
                                             contiguous: Bool, as: T.Type) -> [T] {
        let size = MemoryLayout<T>.size
        return storage.withUnsafeBytes { raw in
            [T](unsafeUninitializedCapacity: count) { out, n in
                if contiguous {
                    for i in 0..<count {
                        out[i] = T(littleEndian: raw.loadUnaligned(fromByteOffset: (ref.offset + i) * size, as: T.self))
                    }
                } else {
                    let rank = ref.shape.count
                    var index = [Int](repeating: 0, count: rank)
                    var position = ref.offset
                    for i in 0..<count {
                        out[i] = T(littleEndian: raw.loadUnaligned(fromByteOffset: position * size, as: T.self))
                        var d = rank - 1
                        while d >= 0 {
                            index[d] += 1
                            position += ref.strides[d]
                            if index[d] < ref.shape[d] { break }
                            position -= ref.strides[d] * ref.shape[d]
                            index[d] = 0
                            d -= 1
                        }
                    }
                }
                n = count
            }
        }
    }
}
