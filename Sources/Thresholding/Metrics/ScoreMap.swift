/// One image's pixel scores (an anomaly map as the pixel metrics and thresholds read it), row-major,
/// higher is more anomalous. Scorers draw `AnomalyMap`s; the pipeline hands their values over as these.
///
/// Float keeps ten million pixels at 40 MB; the metrics compare exactly in Float.
public struct ScoreMap: Sendable, Hashable {
    public let width: Int
    public let height: Int
    /// `width × height` scores, row by row.
    public let values: [Float]

    /// Wraps `values` as a `width × height` map.
    ///
    /// - Throws: ``PixelMetricError/invalidSize(what:width:height:count:)`` unless both
    ///   sizes are positive and `values` holds exactly `width × height` scores.
    public init(width: Int, height: Int, values: [Float]) throws(PixelMetricError) {
        try PixelMetricError.requireGrid("anomaly map", width: width, height: height, count: values.count)
        self.width = width
        self.height = height
        self.values = values
    }

    /// The score at column `x`, row `y`.
    public subscript(x: Int, y: Int) -> Float { values[y * width + x] }
}
