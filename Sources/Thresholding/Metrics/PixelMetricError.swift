/// Why pixel-level metrics could not be computed; every case names the image or the value at fault.
public enum PixelMetricError: Error, Sendable, Hashable {
    /// A map or mask has a non-positive size, or a value count other than width × height.
    case invalidSize(what: String, width: Int, height: Int, count: Int)
    /// Image `image` has a map and a mask of different sizes; resizing belongs upstream.
    case sizeMismatch(image: Int, mapWidth: Int, mapHeight: Int, maskWidth: Int, maskHeight: Int)
    /// There are not as many masks as maps.
    case countMismatch(maps: Int, masks: Int)
    /// A map value is NaN or infinite.
    case nonFiniteValue(image: Int, x: Int, y: Int, value: Float)
    /// No mask has an anomalous pixel, so there is no positive pixel or region.
    case noAnomalousPixels(metric: String)
    /// Every pixel of every mask is anomalous, so there is no negative pixel.
    case noNormalPixels(metric: String)
    /// A parameter is outside its valid range.
    case invalidParameter(name: String, value: Double, expected: String)
}

extension PixelMetricError {
    /// Throws ``invalidSize(what:width:height:count:)`` unless both sizes are positive and
    /// fit 32 bits and `count` is `width × height`: the check every map and mask passes.
    static func requireGrid(_ what: String, width: Int, height: Int, count: Int) throws(PixelMetricError) {
        guard width > 0, height > 0, width <= Int(Int32.max), height <= Int(Int32.max), count == width * height else {
            throw .invalidSize(what: what, width: width, height: height, count: count)
        }
    }
}

extension PixelMetricError: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .invalidSize(what, width, height, count):
            guard width > 0, height > 0 else { return "\(what): the size \(width)×\(height) is not positive" }
            return "\(what): \(width)×\(height) needs \(counted(width * height, "value")), got \(count)"
        case let .sizeMismatch(image, mapWidth, mapHeight, maskWidth, maskHeight):
            return "image \(image): the map is \(mapWidth)×\(mapHeight) but its mask is \(maskWidth)×\(maskHeight);"
                + " resize the mask to the map (nearest neighbour) first"
        case let .countMismatch(maps, masks):
            return "\(counted(maps, "map")) but \(counted(masks, "mask")); each map needs exactly one mask"
        case let .nonFiniteValue(image, x, y, value):
            return "image \(image), pixel (\(x), \(y)): the map value is \(value); map values must be finite"
        case let .noAnomalousPixels(metric):
            return "\(metric) needs at least one anomalous mask pixel; every mask is empty"
        case let .noNormalPixels(metric):
            return "\(metric) needs at least one normal pixel; every mask pixel is anomalous"
        case let .invalidParameter(name, value, expected):
            return "\(name) = \(messageNumber(value)) is out of range: expected \(expected)"
        }
    }
}
