/// One image's ground-truth mask: a pixel is anomalous when its value is above 0.
///
/// Bytes, as mask images store them (0 and 255), so a mask costs one byte per pixel.
/// A good image has a mask with no anomalous pixel (``good(width:height:)``).
public struct DefectMask: Sendable, Hashable {
    public let width: Int
    public let height: Int
    /// `width × height` values, row by row; > 0 means anomalous.
    public let pixels: [UInt8]

    /// Wraps `pixels` as a `width × height` mask.
    ///
    /// - Throws: ``PixelMetricError/invalidSize(what:width:height:count:)`` unless both
    ///   sizes are positive and `pixels` holds exactly `width × height` values.
    public init(width: Int, height: Int, pixels: [UInt8]) throws(PixelMetricError) {
        try PixelMetricError.requireGrid("defect mask", width: width, height: height, count: pixels.count)
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// A mask from flags, `true` for anomalous pixels.
    ///
    /// - Throws: as ``init(width:height:pixels:)``.
    public init(width: Int, height: Int, anomalous: [Bool]) throws(PixelMetricError) {
        try self.init(width: width, height: height, pixels: anomalous.map { $0 ? 255 : 0 })
    }

    /// The mask of a good image: no anomalous pixel.
    ///
    /// - Throws: as ``init(width:height:pixels:)`` for a non-positive size.
    public static func good(width: Int, height: Int) throws(PixelMetricError) -> DefectMask {
        try DefectMask(width: width, height: height, pixels: [UInt8](repeating: 0, count: Swift.max(0, width * height)))
    }

    /// Whether the pixel at column `x`, row `y` is anomalous.
    public subscript(x: Int, y: Int) -> Bool { pixels[y * width + x] > 0 }

    /// The number of anomalous pixels.
    ///
    /// - Complexity: O(width × height).
    public var anomalousCount: Int { pixels.reduce(0) { $0 + ($1 > 0 ? 1 : 0) } }
}
