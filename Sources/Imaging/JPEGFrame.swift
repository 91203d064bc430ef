/// The coding process named by a frame's SOF marker.
enum JPEGProcess: Sendable, Hashable {
    case baseline
    case extendedSequential
    case progressive
}

/// One colour component of a frame, with the block geometry libjpeg derives for it.
struct JPEGComponent: Sendable, Hashable {
    let id: UInt8
    let horizontalSampling: Int
    let verticalSampling: Int
    let quantTableIndex: Int
    /// Samples actually present: ⌈width · h / hmax⌉ × ⌈height · v / vmax⌉.
    var downsampledWidth = 0
    var downsampledHeight = 0
    /// Blocks covering the samples; what a non-interleaved scan codes.
    var widthInBlocks = 0
    var heightInBlocks = 0
    /// Blocks padded to whole MCUs; what an interleaved scan codes.
    var blocksPerLine = 0
    var blocksPerColumn = 0
}

/// A frame header (SOF0/1/2) with derived MCU geometry.
struct JPEGFrame: Sendable, Hashable {
    let process: JPEGProcess
    let width: Int
    let height: Int
    var components: [JPEGComponent]
    let maxHorizontalSampling: Int
    let maxVerticalSampling: Int
    let mcusPerLine: Int
    let mcusPerColumn: Int

    init(process: JPEGProcess, width: Int, height: Int, components: [JPEGComponent]) {
        self.process = process
        self.width = width
        self.height = height
        let hmax = components.map(\.horizontalSampling).max() ?? 1
        let vmax = components.map(\.verticalSampling).max() ?? 1
        maxHorizontalSampling = hmax
        maxVerticalSampling = vmax
        mcusPerLine = Self.ceilDiv(width, 8 * hmax)
        mcusPerColumn = Self.ceilDiv(height, 8 * vmax)
        self.components = components.map { c in
            var c = c
            c.downsampledWidth = Self.ceilDiv(width * c.horizontalSampling, hmax)
            c.downsampledHeight = Self.ceilDiv(height * c.verticalSampling, vmax)
            c.widthInBlocks = Self.ceilDiv(width * c.horizontalSampling, 8 * hmax)
            c.heightInBlocks = Self.ceilDiv(height * c.verticalSampling, 8 * vmax)
            c.blocksPerLine = (width + 8 * hmax - 1) / (8 * hmax) * c.horizontalSampling
            c.blocksPerColumn = (height + 8 * vmax - 1) / (8 * vmax) * c.verticalSampling
            return c
        }
    }

    static func ceilDiv(_ a: Int, _ b: Int) -> Int { (a + b - 1) / b }
}

/// A scan header (SOS).
struct JPEGScanHeader: Sendable, Hashable {
    /// Indices into the frame's components, in scan order.
    var componentIndices: [Int]
    var dcTableIndices: [Int]
    var acTableIndices: [Int]
    var spectralStart: Int
    var spectralEnd: Int
    var approximationHigh: Int
    var approximationLow: Int
}
