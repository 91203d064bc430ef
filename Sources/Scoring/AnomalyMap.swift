/// Where a sample looks anomalous: one score per pixel, row-major, higher meaning more anomalous.
public struct AnomalyMap: Sendable, Hashable {
    public var width: Int
    public var height: Int
    /// `values[y * width + x]`.
    public var values: [Float]

    /// - Precondition: `values.count == width * height` (a programmer error otherwise).
    public init(width: Int, height: Int, values: [Float]) {
        precondition(values.count == width * height, "\(values.count) values for a \(width)×\(height) map")
        self.width = width
        self.height = height
        self.values = values
    }

    /// The largest value (the map's image-level score).
    public var maximum: Float { values.max() ?? 0 }
}
