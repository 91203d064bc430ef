/// A floating-point image stored plane by plane: channels × height × width.
///
/// This is the layout neural networks and resampling kernels want. Values made
/// from an ``Image`` lie in [0, 1] (samples / 255 or / 65535); operations may
/// move them outside that range (normalisation, noise), and nothing clamps
/// until ``image(bitDepth:)`` converts back.
public struct PlanarImage: Sendable, Hashable {
    public let width: Int
    public let height: Int
    public let channels: Int
    /// Channel-major samples: `values[(c * height + y) * width + x]`.
    public var values: [Float]

    /// Creates an image from channel-major values; the count must be channels × height × width.
    public init(width: Int, height: Int, channels: Int, values: [Float]) {
        precondition(width >= 0 && height >= 0 && channels >= 1, "dimensions must be non-negative, channels ≥ 1")
        precondition(values.count == width * height * channels, "value count must equal channels × height × width")
        self.width = width
        self.height = height
        self.channels = channels
        self.values = values
    }

    /// An image with every value set to `value`.
    public init(width: Int, height: Int, channels: Int, repeating value: Float = 0) {
        self.init(width: width, height: height, channels: channels,
                  values: [Float](repeating: value, count: width * height * channels))
    }

    /// Converts interleaved integer samples to planes scaled to [0, 1].
    ///
    /// 8-bit samples are divided by 255 and 16-bit samples by 65535, as
    /// torchvision's `to_tensor` / `convert_image_dtype` do.
    /// - Complexity: O(width × height × channels).
    public init(_ image: Image) {
        let plane = image.width * image.height
        let channels = image.channels
        var values = [Float](repeating: 0, count: plane * channels)
        values.withUnsafeMutableBufferPointer { out in
            func deinterleave<T: BinaryInteger>(_ samples: [T], scale: Float) {
                samples.withUnsafeBufferPointer { s in
                    for c in 0..<channels {
                        let base = c * plane
                        var i = c
                        for p in 0..<plane {
                            out[base + p] = Float(s[i]) * scale
                            i += channels
                        }
                    }
                }
            }
            switch image.samples {
            case .uint8(let s): deinterleave(s, scale: 1 / 255)
            case .uint16(let s): deinterleave(s, scale: 1 / 65535)
            }
        }
        self.init(width: image.width, height: image.height, channels: channels, values: values)
    }

    /// The number of pixels in one plane.
    public var pixelCount: Int { width * height }

    /// The value at channel `c`, row `y`, column `x`.
    public subscript(c: Int, y: Int, x: Int) -> Float {
        get { values[(c * height + y) * width + x] }
        set { values[(c * height + y) * width + x] = newValue }
    }

    /// One channel as a single-channel image.
    public func plane(_ c: Int) -> PlanarImage {
        precondition((0..<channels).contains(c), "channel out of range")
        let n = pixelCount
        return PlanarImage(width: width, height: height, channels: 1, values: Array(values[c * n..<(c + 1) * n]))
    }

    /// Converts back to interleaved integer samples.
    ///
    /// Values are clamped to [0, 1], scaled by 255 (or 65535) and rounded to
    /// the nearest integer, halves away from zero; so `PlanarImage(image).image()`
    /// returns the original samples exactly.
    /// - Parameter bitDepth: 8 or 16.
    /// - Complexity: O(width × height × channels).
    public func image(bitDepth: Int = 8) -> Image {
        precondition((1...4).contains(channels), "an Image has 1 to 4 channels")
        precondition(bitDepth == 8 || bitDepth == 16, "bit depth must be 8 or 16")
        let plane = pixelCount
        let channels = self.channels
        func interleave<T: FixedWidthInteger>(_: T.Type, maximum: Float) -> [T] {
            [T](unsafeUninitializedCapacity: plane * channels) { out, count in
                values.withUnsafeBufferPointer { v in
                    for c in 0..<channels {
                        var i = c
                        for p in 0..<plane {
                            // `!(x > 0)` also catches NaN, which must not reach the integer conversion.
                            var x = v[c * plane + p]
                            if !(x > 0) { x = 0 } else if x > 1 { x = 1 }
                            out[i] = T(x * maximum + 0.5)  // non-negative, so truncation rounds half up
                            i += channels
                        }
                    }
                }
                count = plane * channels
            }
        }
        if bitDepth == 8 {
            return Image(width: width, height: height, channels: channels, pixels: interleave(UInt8.self, maximum: 255))
        }
        return Image(width: width, height: height, channels: channels, pixels16: interleave(UInt16.self, maximum: 65535))
    }
}
