/// The headers of a Windows bitmap: the 14-byte file header and the DIB header
/// (BITMAPINFOHEADER, its 52/56-byte extensions, V4 or V5).
public struct BMPHeader: Sendable, Hashable {
    /// How the pixel array is stored.
    public enum Compression: Sendable, Hashable {
        /// BI_RGB: uncompressed.
        case none
        /// BI_BITFIELDS / BI_ALPHABITFIELDS: uncompressed, channels given by bit masks.
        case bitFields
    }

    public var width: Int
    /// Always positive; see `isTopDown`.
    public var height: Int
    /// A negative height in the file: the first stored row is the top one.
    public var isTopDown: Bool
    /// 1, 4, 8, 24 or 32.
    public var bitsPerPixel: Int
    public var compression: Compression
    /// Bit masks selecting each channel of a `.bitFields` pixel.
    public struct ChannelMasks: Sendable, Hashable {
        public var red: UInt32 = 0
        public var green: UInt32 = 0
        public var blue: UInt32 = 0
        /// 0 when the file has no alpha channel.
        public var alpha: UInt32 = 0
    }

    /// The channel masks for `.bitFields`; all zero otherwise.
    public var masks: ChannelMasks
    /// Offset of the palette (indexed images).
    public var paletteOffset: Int
    /// Palette entries for 1-, 4- and 8-bit images.
    public var paletteCount: Int
    /// Offset of the pixel array.
    public var pixelOffset: Int

    /// Bytes per stored row, padded to a multiple of 4.
    public var rowStride: Int { (width * bitsPerPixel + 31) / 32 * 4 }

    /// Parses and validates the headers; the pixel limit is checked before anything is allocated.
    /// - Throws: `.unknownFormat` without "BM", `.unsupported` for OS/2 headers, RLE, JPEG/PNG
    ///   payloads and 16-bit pixels, `.corrupt` naming the bad field, `.tooLarge` above `options.maxPixels`.
    public static func parse(_ bytes: [UInt8], file: String, options: DecodingOptions = DecodingOptions()) throws(ImagingError) -> BMPHeader {
        guard bytes.count >= 2, bytes[0] == UInt8(ascii: "B"), bytes[1] == UInt8(ascii: "M") else {
            throw .unknownFormat(file: file)
        }
        let reader = LittleEndianReader(bytes: bytes, file: file)
        let pixelOffset = Int(try reader.uint32(at: 10, "pixel data offset"))
        let dibSize = Int(try reader.uint32(at: 14, "DIB header size"))
        guard [40, 52, 56, 108, 124].contains(dibSize) else {
            if dibSize == 12 || dibSize == 64 || dibSize == 16 {
                throw .unsupported(file: file, reason: "OS/2 bitmap header (\(dibSize) bytes); only BITMAPINFOHEADER, V4 and V5 are supported")
            }
            throw .corrupt(file: file, reason: "DIB header size \(dibSize) is not a known BMP header size")
        }
        guard bytes.count >= 14 + dibSize else {
            throw .corrupt(file: file, reason: "truncated: file ends inside the \(dibSize)-byte DIB header")
        }
        let width = Int(try reader.int32(at: 18, "width"))
        let rawHeight = Int(try reader.int32(at: 22, "height"))
        let planes = try reader.uint16(at: 26, "planes")
        let bitsPerPixel = Int(try reader.uint16(at: 28, "bits per pixel"))
        let compressionCode = try reader.uint32(at: 30, "compression")
        let colorsUsed = Int(try reader.uint32(at: 46, "colours used"))

        guard planes == 1 else { throw .corrupt(file: file, reason: "planes is \(planes); it must be 1") }
        guard width > 0, rawHeight != 0 else { throw .corrupt(file: file, reason: "image size \(width)×\(rawHeight) is empty or negative") }
        let height = abs(rawHeight)
        guard width * height <= options.maxPixels else {
            throw .tooLarge(file: file, width: width, height: height, limit: options.maxPixels)
        }

        let compression: Compression
        switch compressionCode {
        case 0: compression = .none
        case 3, 6: compression = .bitFields
        case 1, 2: throw .unsupported(file: file, reason: "RLE-compressed bitmaps are not supported")
        case 4, 5: throw .unsupported(file: file, reason: "bitmaps holding an embedded JPEG or PNG are not supported")
        default: throw .corrupt(file: file, reason: "unknown compression \(compressionCode)")
        }
        switch (bitsPerPixel, compression) {
        case (1, .none), (4, .none), (8, .none), (24, .none), (32, .none), (32, .bitFields): break
        case (16, _): throw .unsupported(file: file, reason: "16-bit bitmaps are not supported")
        case (_, .bitFields): throw .unsupported(file: file, reason: "bit-field masks with \(bitsPerPixel) bits per pixel are not supported")
        default: throw .corrupt(file: file, reason: "\(bitsPerPixel) bits per pixel is not a valid BMP depth")
        }
        // Masks live inside V4/V5 headers, or right after a 40-byte header (12 bytes; 16 with BI_ALPHABITFIELDS).
        var masks = ChannelMasks()
        var afterHeader = 14 + dibSize
        if compression == .bitFields {
            let maskCount = dibSize >= 56 || compressionCode == 6 ? 4 : 3
            let maskStart = 54  // the end of a 40-byte header, which is also where V4/V5 keep them
            masks.red = try reader.uint32(at: maskStart, "red mask")
            masks.green = try reader.uint32(at: maskStart + 4, "green mask")
            masks.blue = try reader.uint32(at: maskStart + 8, "blue mask")
            if maskCount == 4 { masks.alpha = try reader.uint32(at: maskStart + 12, "alpha mask") }
            if dibSize == 40 { afterHeader += compressionCode == 6 ? 16 : 12 }
            for (name, mask) in [("red", masks.red), ("green", masks.green), ("blue", masks.blue)] where mask == 0 {
                throw .corrupt(file: file, reason: "the \(name) bit mask is zero")
            }
        }

        var paletteCount = 0
        if bitsPerPixel <= 8 {
            let maximum = 1 << bitsPerPixel
            guard colorsUsed <= maximum else {
                throw .corrupt(file: file, reason: "palette has \(colorsUsed) colours; \(bitsPerPixel)-bit images allow \(maximum)")
            }
            paletteCount = colorsUsed == 0 ? maximum : colorsUsed
            guard afterHeader + 4 * paletteCount <= bytes.count else {
                throw .corrupt(file: file, reason: "truncated: file ends inside the \(paletteCount)-colour palette")
            }
        }
        let header = BMPHeader(width: width, height: height, isTopDown: rawHeight < 0, bitsPerPixel: bitsPerPixel,
                               compression: compression, masks: masks, paletteOffset: afterHeader,
                               paletteCount: paletteCount, pixelOffset: pixelOffset)
        let needed = header.rowStride * height
        guard pixelOffset >= 14 + dibSize, pixelOffset <= bytes.count, bytes.count - pixelOffset >= needed else {
            throw .corrupt(file: file, reason: "truncated: \(width)×\(height) \(bitsPerPixel)-bit pixel data needs \(needed) bytes at offset \(pixelOffset), file has \(bytes.count) bytes")
        }
        return header
    }
}

/// Bounds-checked little-endian reads that fail with a named field instead of trapping.
struct LittleEndianReader {
    let bytes: [UInt8]
    let file: String

    func uint16(at offset: Int, _ what: String) throws(ImagingError) -> UInt16 {
        guard offset >= 0, offset + 2 <= bytes.count else { throw .corrupt(file: file, reason: "truncated: file ends before the \(what)") }
        return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    func uint32(at offset: Int, _ what: String) throws(ImagingError) -> UInt32 {
        guard offset >= 0, offset + 4 <= bytes.count else { throw .corrupt(file: file, reason: "truncated: file ends before the \(what)") }
        return UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }

    func int32(at offset: Int, _ what: String) throws(ImagingError) -> Int32 {
        Int32(bitPattern: try uint32(at: offset, what))
    }
}
