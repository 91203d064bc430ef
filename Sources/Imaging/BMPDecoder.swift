/// Decodes uncompressed Windows bitmaps.
///
/// Supported: 1-, 4- and 8-bit palette images, 24-bit BGR, 32-bit BGRX
/// (BI_RGB, whose fourth byte is padding, as Pillow reads it) and 32-bit
/// bit-field images (BI_BITFIELDS), with BITMAPINFOHEADER, V4 or V5 headers,
/// bottom-up or top-down. Palette images whose colours are all grey decode to
/// 1-channel grey, the rest to RGB; bit-field images with an alpha mask to RGBA.
/// RLE, embedded JPEG/PNG, 16-bit and OS/2 bitmaps throw `.unsupported`.
public enum BMPDecoder {
    /// Whether `prefix` starts with the "BM" signature (for format sniffing).
    public static func canDecode(_ prefix: some Collection<UInt8>) -> Bool {
        prefix.starts(with: [UInt8(ascii: "B"), UInt8(ascii: "M")])
    }

    /// Decodes a whole file held in memory.
    /// - Parameters:
    ///   - bytes: the file's bytes.
    ///   - file: the name used in error messages.
    ///   - options: the pixel limit, checked before allocating.
    /// - Throws: ``ImagingError`` naming what is wrong; never traps on bad input.
    /// - Complexity: O(bytes.count).
    public static func decode(_ bytes: [UInt8], file: String, options: DecodingOptions = DecodingOptions()) throws(ImagingError) -> Image {
        let header = try BMPHeader.parse(bytes, file: file, options: options)
        switch header.bitsPerPixel {
        case 1, 4, 8: return try indexed(bytes, header, file)
        case 24: return direct(bytes, header, channels: 3) { src, i, out in
                out[0] = src[i + 2]; out[1] = src[i + 1]; out[2] = src[i]
            }
        default:
            if header.compression == .none {
                return direct(bytes, header, channels: 3) { src, i, out in
                    out[0] = src[i + 2]; out[1] = src[i + 1]; out[2] = src[i]
                }
            }
            return bitFields(bytes, header)
        }
    }

    /// Palette images: indices into BGRX entries.
    private static func indexed(_ bytes: [UInt8], _ header: BMPHeader, _ file: String) throws(ImagingError) -> Image {
        var palette: [(UInt8, UInt8, UInt8)] = []
        for k in 0..<header.paletteCount {
            let at = header.paletteOffset + 4 * k
            palette.append((bytes[at + 2], bytes[at + 1], bytes[at]))
        }
        let grey = palette.allSatisfy { $0.0 == $0.1 && $0.1 == $0.2 }
        let channels = grey ? 1 : 3
        let bits = header.bitsPerPixel
        let perByte = 8 / bits
        let mask = UInt8((1 << bits) - 1)
        var pixels = [UInt8](repeating: 0, count: header.width * header.height * channels)
        for row in 0..<header.height {
            let y = header.isTopDown ? row : header.height - 1 - row
            let start = header.pixelOffset + row * header.rowStride
            for x in 0..<header.width {
                let byte = bytes[start + x / perByte]
                let shift = UInt8(8 - bits * (x % perByte + 1))
                let index = Int((byte >> shift) & mask)
                guard index < palette.count else {
                    throw .corrupt(file: file, reason: "pixel \(x),\(y) uses palette index \(index); the palette has \(palette.count) colours")
                }
                let (r, g, b) = palette[index]
                let o = (y * header.width + x) * channels
                if grey {
                    pixels[o] = r
                } else {
                    pixels[o] = r; pixels[o + 1] = g; pixels[o + 2] = b
                }
            }
        }
        return Image(width: header.width, height: header.height, channels: channels, pixels: pixels)
    }

    /// Byte-aligned pixels: `copy` writes one output pixel from the stored bytes at `i`.
    private static func direct(_ bytes: [UInt8], _ header: BMPHeader, channels: Int,
                               _ copy: (UnsafeBufferPointer<UInt8>, Int, UnsafeMutablePointer<UInt8>) -> Void) -> Image {
        let bytesPerPixel = header.bitsPerPixel / 8
        let width = header.width
        var pixels = [UInt8](repeating: 0, count: width * header.height * channels)
        bytes.withUnsafeBufferPointer { src in
            pixels.withUnsafeMutableBufferPointer { out in
                for row in 0..<header.height {
                    let y = header.isTopDown ? row : header.height - 1 - row
                    let start = header.pixelOffset + row * header.rowStride
                    let target = out.baseAddress! + y * width * channels
                    for x in 0..<width { copy(src, start + x * bytesPerPixel, target + x * channels) }
                }
            }
        }
        return Image(width: width, height: header.height, channels: channels, pixels: pixels)
    }

    /// 32-bit pixels whose channels are selected by masks, each scaled to 8 bits.
    private static func bitFields(_ bytes: [UInt8], _ header: BMPHeader) -> Image {
        let masks = header.masks
        let fields = [masks.red, masks.green, masks.blue] + (masks.alpha != 0 ? [masks.alpha] : [])
        let extractors = fields.map(FieldExtractor.init)
        let channels = extractors.count
        return direct(bytes, header, channels: channels) { src, i, out in
            let value = UInt32(src[i]) | UInt32(src[i + 1]) << 8 | UInt32(src[i + 2]) << 16 | UInt32(src[i + 3]) << 24
            for c in 0..<channels { out[c] = extractors[c].sample(value) }
        }
    }
}

/// Pulls one masked field out of a pixel and scales it to 0…255 with rounding.
private struct FieldExtractor {
    let shift: UInt32
    let maximum: UInt32

    init(mask: UInt32) {
        shift = UInt32(mask.trailingZeroBitCount)
        maximum = mask >> shift
    }

    func sample(_ pixel: UInt32) -> UInt8 {
        let v = UInt64((pixel >> shift) & maximum)
        return maximum == 255 ? UInt8(v) : UInt8((v * 255 + UInt64(maximum) / 2) / UInt64(maximum))
    }
}
