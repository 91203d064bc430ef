/// A decoded raster image: interleaved samples, row-major, top row first.
///
/// Channels are 1 (grey), 2 (grey + alpha), 3 (RGB) or 4 (RGBA). Samples keep
/// the file's precision: 8-bit images store `UInt8`, 16-bit images `UInt16`.
/// Lower bit depths (1, 2, 4) are expanded to 8 bits by the decoder.
public struct Image: Sendable, Hashable {
    public var width: Int
    public var height: Int
    public var channels: Int
    public var samples: ImageSamples

    /// Creates an image; the sample count must be width × height × channels.
    public init(width: Int, height: Int, channels: Int, samples: ImageSamples) {
        precondition((1...4).contains(channels), "channels must be 1...4")
        precondition(samples.count == width * height * channels, "sample count must equal width × height × channels")
        self.width = width
        self.height = height
        self.channels = channels
        self.samples = samples
    }

    /// An 8-bit image.
    public init(width: Int, height: Int, channels: Int, pixels: [UInt8]) {
        self.init(width: width, height: height, channels: channels, samples: .uint8(pixels))
    }

    /// A 16-bit image.
    public init(width: Int, height: Int, channels: Int, pixels16: [UInt16]) {
        self.init(width: width, height: height, channels: channels, samples: .uint16(pixels16))
    }

    /// 8 or 16.
    public var bitDepth: Int { samples.bitDepth }
    public var pixelCount: Int { width * height }
}

/// The sample storage of an ``Image``.
public enum ImageSamples: Sendable, Hashable {
    case uint8([UInt8])
    case uint16([UInt16])

    public var count: Int {
        switch self {
        case .uint8(let s): return s.count
        case .uint16(let s): return s.count
        }
    }

    public var bitDepth: Int {
        switch self {
        case .uint8: return 8
        case .uint16: return 16
        }
    }
}
