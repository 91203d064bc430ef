/// A PNG image header (the IHDR chunk), validated.
struct PNGHeader: Sendable, Hashable {
    /// The colour types of the PNG specification, §11.2.2.
    enum ColorType: UInt8, Sendable {
        case grey = 0
        case rgb = 2
        case palette = 3
        case greyAlpha = 4
        case rgba = 6

        /// Samples per pixel in the file (a palette index counts as one).
        var samplesPerPixel: Int {
            switch self {
            case .grey, .palette: return 1
            case .greyAlpha: return 2
            case .rgb: return 3
            case .rgba: return 4
            }
        }

        /// The bit depths the specification allows for this colour type.
        var allowedBitDepths: [Int] {
            switch self {
            case .grey: return [1, 2, 4, 8, 16]
            case .palette: return [1, 2, 4, 8]
            case .rgb, .greyAlpha, .rgba: return [8, 16]
            }
        }
    }

    let width: Int
    let height: Int
    let bitDepth: Int
    let colorType: ColorType
    let isInterlaced: Bool

    /// Bits per pixel in the filtered data.
    var bitsPerPixel: Int { bitDepth * colorType.samplesPerPixel }
    /// The byte distance the Sub, Average and Paeth filters look back (at least 1).
    var filterStride: Int { max(1, bitsPerPixel / 8) }
    /// Bytes of one row of `pixels` pixels, without its filter-type byte.
    func rowBytes(pixels: Int) -> Int { (pixels * bitsPerPixel + 7) / 8 }

    /// Parses and checks the 13 bytes of IHDR.
    ///
    /// - Throws: ``ImagingError/corrupt(file:reason:)`` naming the bad field, or
    ///   ``ImagingError/unsupported(file:reason:)`` for unknown compression, filter or interlace methods.
    init(_ data: ArraySlice<UInt8>, file: String) throws(ImagingError) {
        guard data.count == 13 else {
            throw .corrupt(file: file, reason: "IHDR chunk: length \(data.count), expected 13")
        }
        let bytes = Array(data)
        let width = PNGBytes.uint32(bytes, at: 0)
        let height = PNGBytes.uint32(bytes, at: 4)
        guard width > 0, width <= 0x7FFF_FFFF, height > 0, height <= 0x7FFF_FFFF else {
            throw .corrupt(file: file, reason: "IHDR chunk: image size \(width)×\(height) is not allowed")
        }
        guard let colorType = ColorType(rawValue: bytes[9]) else {
            throw .corrupt(file: file, reason: "IHDR chunk: colour type \(bytes[9]) does not exist")
        }
        let bitDepth = Int(bytes[8])
        guard colorType.allowedBitDepths.contains(bitDepth) else {
            throw .corrupt(
                file: file, reason: "IHDR chunk: bit depth \(bitDepth) is not allowed for colour type \(colorType.rawValue)")
        }
        guard bytes[10] == 0 else {
            throw .unsupported(file: file, reason: "IHDR chunk: compression method \(bytes[10])")
        }
        guard bytes[11] == 0 else { throw .unsupported(file: file, reason: "IHDR chunk: filter method \(bytes[11])") }
        guard bytes[12] <= 1 else {
            throw .unsupported(file: file, reason: "IHDR chunk: interlace method \(bytes[12])")
        }
        self.width = Int(width)
        self.height = Int(height)
        self.bitDepth = bitDepth
        self.colorType = colorType
        self.isInterlaced = bytes[12] == 1
    }
}

/// Big-endian integer helpers for PNG's byte layout.
enum PNGBytes {
    static func uint32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8
            | UInt32(bytes[offset + 3])
    }

    static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes += [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
