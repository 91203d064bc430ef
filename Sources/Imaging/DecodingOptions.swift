/// Settings shared by every decoder.
public struct DecodingOptions: Sendable, Hashable {
    /// The largest width × height a decoder accepts; checked from the header, before allocating.
    public var maxPixels: Int
    /// PNG: keep 16-bit samples (true) or reduce them to 8 bits with rounding (false).
    public var keep16Bit: Bool

    public init(maxPixels: Int = 100_000_000, keep16Bit: Bool = true) {
        self.maxPixels = maxPixels
        self.keep16Bit = keep16Bit
    }
}

/// A decoded image plus the recoverable problems met on the way (JPEG only, like libjpeg's warnings).
public struct DecodedImage: Sendable, Hashable {
    public var image: Image
    public var warnings: [String]

    public init(image: Image, warnings: [String] = []) {
        self.image = image
        self.warnings = warnings
    }
}
