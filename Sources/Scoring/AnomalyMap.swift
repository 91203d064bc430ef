/// Per-pixel anomaly scores for one sample, row-major, higher = more anomalous.
public struct AnomalyMap: Sendable, Hashable {
    public let width: Int
    public let height: Int
    /// `values[y * width + x]`.
    public var values: [Float]

    /// - Precondition: `values.count == width × height` (a programmer error otherwise).
    public init(width: Int, height: Int, values: [Float]) {
        precondition(width >= 0 && height >= 0 && values.count == width * height, "\(values.count) values for a \(width)×\(height) map")
        self.width = width
        self.height = height
        self.values = values
    }

    /// The largest value: the map's image-level score.
    public var maximum: Float { values.max() ?? 0 }

    /// The value at row `y`, column `x`.
    public subscript(y: Int, x: Int) -> Float { values[y * width + x] }
}
