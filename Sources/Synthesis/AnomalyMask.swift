import Imaging

/// A binary anomaly mask: 1 where the anomaly is blended in, 0 elsewhere.
public struct AnomalyMask: Sendable, Hashable {
    public let width: Int
    public let height: Int
    /// Row-major 0/1 values.
    public private(set) var values: [UInt8]

    /// An all-zero mask.
    public init(width: Int, height: Int) {
        precondition(width >= 0 && height >= 0, "dimensions must be non-negative")
        self.width = width
        self.height = height
        self.values = [UInt8](repeating: 0, count: width * height)
    }

    /// The pixels where `field` is strictly above `threshold`.
    /// - Complexity: O(width × height).
    public init(field: PlanarImage, threshold: Float) {
        precondition(field.channels == 1, "a mask is made from one channel")
        self.width = field.width
        self.height = field.height
        self.values = field.values.withUnsafeBufferPointer { source in
            [UInt8](unsafeUninitializedCapacity: source.count) { out, count in
                for i in 0..<source.count { out[i] = source[i] > threshold ? 1 : 0 }
                count = source.count
            }
        }
    }

    /// Whether pixel (x, y) is inside the mask.
    public subscript(x: Int, y: Int) -> Bool { values[y * width + x] != 0 }

    /// The number of masked pixels.
    public var count: Int { values.reduce(0) { $0 + Int($1) } }

    /// Whether no pixel is masked.
    public var isEmpty: Bool { !values.contains(1) }

    /// The masked share of the image, in [0, 1].
    public var coverage: Double { values.isEmpty ? 0 : Double(count) / Double(values.count) }

    /// The union with another mask of the same size.
    public func union(_ other: AnomalyMask) -> AnomalyMask {
        precondition(width == other.width && height == other.height, "masks must have the same size")
        var result = self
        for i in result.values.indices { result.values[i] |= other.values[i] }
        return result
    }

    /// The mask as an 8-bit grey image, 0 outside and 255 inside (as anomalib saves masks).
    public var image: Image {
        Image(width: width, height: height, channels: 1, pixels: values.map { $0 * 255 })
    }
}
