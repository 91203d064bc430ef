/// A network activation for one image: height × width pixels, channels interleaved (HWC).
///
/// Pixel-major layout makes a 1×1 convolution one matrix product (pixels ×
/// channels times channels × outputs) and lets the depthwise convolution
/// vectorise across channels. ``EfficientNetLite0/featureMaps(preprocessed:layers:)``
/// hands these out, and one row per pixel is exactly a patch feature.
public struct FeatureMap: Sendable, Hashable {
    public let height: Int
    public let width: Int
    public let channels: Int
    /// `values[(y * width + x) * channels + c]`.
    public var values: [Float]

    /// Wraps HWC values.
    /// - Precondition: `values.count == height × width × channels` (a programmer error otherwise).
    public init(height: Int, width: Int, channels: Int, values: [Float]) {
        precondition(values.count == height * width * channels, "feature map size mismatch")
        self.height = height
        self.width = width
        self.channels = channels
        self.values = values
    }

    /// height × width.
    public var pixelCount: Int { height * width }

    /// The per-channel mean over all pixels: global average pooling.
    /// - Complexity: O(height × width × channels).
    func spatialMean() -> [Float] {
        var sums = [Double](repeating: 0, count: channels)
        values.withUnsafeBufferPointer { v in
            for p in 0..<pixelCount {
                let row = p * channels
                for c in 0..<channels { sums[c] += Double(v[row + c]) }
            }
        }
        let n = Double(max(pixelCount, 1))
        return sums.map { Float($0 / n) }
    }
}
