/// A network activation for one image: height × width pixels, channels interleaved (HWC).
///
/// Pixel-major layout makes a 1×1 convolution one matrix product (pixels ×
/// channels times channels × outputs) and lets the depthwise convolution
/// vectorise across channels.
struct FeatureMap: Sendable {
    let height: Int
    let width: Int
    let channels: Int
    /// `values[(y * width + x) * channels + c]`.
    var values: [Float]

    init(height: Int, width: Int, channels: Int, values: [Float]) {
        precondition(values.count == height * width * channels, "feature map size mismatch")
        self.height = height
        self.width = width
        self.channels = channels
        self.values = values
    }

    var pixelCount: Int { height * width }

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
