import Testing
@testable import Imaging

/// Builds BMP files byte by byte, so every fixture's layout is visible in the test.
private struct BMPBuilder {
    var width: Int
    var height: Int  // negative: top-down
    var bitsPerPixel: Int
    var dibSize = 40
    var compression: UInt32 = 0
    var palette: [(UInt8, UInt8, UInt8)] = []  // (r, g, b)
    var colorsUsed: UInt32 = 0
    var masks: [UInt32] = []  // written after a 40-byte header, or inside V4/V5
    /// Stored rows in file order, each padded by the builder.
    var rows: [[UInt8]]

    func bytes() -> [UInt8] {
        func u16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8(v >> (8 * $0) & 0xFF) } }
        func i32(_ v: Int) -> [UInt8] { u32(UInt32(bitPattern: Int32(v))) }
        var dib: [UInt8] = u32(UInt32(dibSize))
        dib += i32(width)
        dib += i32(height)
        dib += u16(1)
        dib += u16(bitsPerPixel)
        dib += u32(compression)
        dib += u32(0)  // image size: may be 0 for BI_RGB
        dib += i32(2835)  // 72 dpi in pixels per metre
        dib += i32(2835)
        dib += u32(colorsUsed)
        dib += u32(0)
        var extra: [UInt8] = []
        if dibSize > 40 {
            // V4/V5: masks, then zeros for colour space, endpoints, gamma (and V5's intent and profile fields).
            var rest = masks.flatMap(u32)
            rest += [UInt8](repeating: 0, count: dibSize - 40 - rest.count)
            dib += rest
        } else {
            extra = masks.flatMap(u32)
        }
        let paletteBytes: [UInt8] = palette.flatMap { (entry: (UInt8, UInt8, UInt8)) -> [UInt8] in [entry.2, entry.1, entry.0, 0] }
        let stride = (abs(width) * bitsPerPixel + 31) / 32 * 4
        let pixelData: [UInt8] = rows.flatMap { (row: [UInt8]) -> [UInt8] in row + [UInt8](repeating: 0, count: stride - row.count) }
        let offset = 14 + dib.count + extra.count + paletteBytes.count
        var file: [UInt8] = Array("BM".utf8)
        file += u32(UInt32(offset + pixelData.count))
        file += u32(0)
        file += u32(UInt32(offset))
        file += dib
        file += extra
        file += paletteBytes
        file += pixelData
        return file
    }
}

private func decode(_ bytes: [UInt8], options: DecodingOptions = DecodingOptions()) throws(ImagingError) -> Image {
    try BMPDecoder.decode(bytes, file: "t.bmp", options: options)
}

private func reason(_ bytes: [UInt8]) -> String? {
    do {
        _ = try decode(bytes)
        return nil
    } catch {
        switch error {
        case .corrupt(_, let r), .unsupported(_, let r): return r
        default: return "\(error)"
        }
    }
}

@Suite struct BMPDecoderTests {
    // A 2 × 2 image: top row red, green; bottom row blue, white.
    static let expectedRGB: [UInt8] = [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255]

    @Test func bottomUp24Bit() throws {
        // Stored bottom row first, BGR, rows padded to 8 bytes.
        let file = BMPBuilder(width: 2, height: 2, bitsPerPixel: 24,
                              rows: [[255, 0, 0, 255, 255, 255], [0, 0, 255, 0, 255, 0]]).bytes()
        #expect(try decode(file) == Image(width: 2, height: 2, channels: 3, pixels: Self.expectedRGB))
        #expect(BMPDecoder.canDecode(file))
    }

    @Test func topDown32BitIgnoresPaddingByte() throws {
        let file = BMPBuilder(width: 2, height: -2, bitsPerPixel: 32,
                              rows: [[0, 0, 255, 9, 0, 255, 0, 9], [255, 0, 0, 9, 255, 255, 255, 9]]).bytes()
        #expect(try decode(file) == Image(width: 2, height: 2, channels: 3, pixels: Self.expectedRGB))
    }

    @Test func v5BitFieldsWithAlpha() throws {
        // RGBA in byte order R, G, B, A: masks red 0xFF, green 0xFF00, blue 0xFF0000, alpha 0xFF000000.
        let file = BMPBuilder(width: 1, height: -2, bitsPerPixel: 32, dibSize: 124, compression: 3,
                              masks: [0xFF, 0xFF00, 0xFF_0000, 0xFF00_0000],
                              rows: [[10, 20, 30, 40], [50, 60, 70, 80]]).bytes()
        #expect(try decode(file) == Image(width: 1, height: 2, channels: 4, pixels: [10, 20, 30, 40, 50, 60, 70, 80]))
    }

    @Test func v4BitFieldsWithoutAlphaAndInfoHeaderMasks() throws {
        let v4 = BMPBuilder(width: 1, height: 1, bitsPerPixel: 32, dibSize: 108, compression: 3,
                            masks: [0xFF_0000, 0xFF00, 0xFF, 0], rows: [[1, 2, 3, 0]]).bytes()
        #expect(try decode(v4).samples == .uint8([3, 2, 1]))
        // 10-bit fields after a 40-byte header: 1023 → 255, 512 → 128.
        let tenBit = BMPBuilder(width: 1, height: 1, bitsPerPixel: 32, compression: 3,
                                masks: [0x3FF0_0000, 0x000F_FC00, 0x0000_03FF],
                                rows: [[0x00, 0x00, 0xF8, 0x3F]]).bytes()  // 0x3FF80000: red 1023, green 512, blue 0
        #expect(try decode(tenBit).samples == .uint8([255, 128, 0]))
    }

    @Test func palettes() throws {
        // 8-bit colour palette; row padding after 3 index bytes.
        let colour = BMPBuilder(width: 3, height: 1, bitsPerPixel: 8, palette: [(255, 0, 0), (0, 0, 255)], colorsUsed: 2,
                                rows: [[1, 0, 1]]).bytes()
        #expect(try decode(colour).samples == .uint8([0, 0, 255, 255, 0, 0, 0, 0, 255]))
        // A grey palette decodes to one channel; 4-bit indices, high nibble first.
        let greys: [(UInt8, UInt8, UInt8)] = (0..<16).map { (i: Int) in
            let g = UInt8(i * 17)
            return (g, g, g)
        }
        let fourBit = BMPBuilder(width: 3, height: 2, bitsPerPixel: 4, palette: greys,
                                 rows: [[0x0F, 0x10], [0x23, 0x40]]).bytes()
        #expect(try decode(fourBit) == Image(width: 3, height: 2, channels: 1, pixels: [34, 51, 68, 0, 255, 17]))
        // 1-bit, most significant bit first.
        let oneBit = BMPBuilder(width: 10, height: 1, bitsPerPixel: 1, palette: [(0, 0, 0), (255, 255, 255)],
                                rows: [[0b1010_0000, 0b0100_0000]]).bytes()
        #expect(try decode(oneBit).samples == .uint8([255, 0, 255, 0, 0, 0, 0, 0, 0, 255]))
    }

    @Test func typedErrors() {
        #expect(throws: ImagingError.unknownFormat(file: "t.bmp")) { try decode(Array("PK".utf8)) }
        var rle = BMPBuilder(width: 1, height: 1, bitsPerPixel: 8, palette: [(0, 0, 0)], rows: [[0]])
        rle.compression = 1
        #expect(reason(rle.bytes()) == "RLE-compressed bitmaps are not supported")
        #expect(reason(BMPBuilder(width: 1, height: 1, bitsPerPixel: 16, rows: [[0, 0]]).bytes()) == "16-bit bitmaps are not supported")
        #expect(reason(BMPBuilder(width: 1, height: 1, bitsPerPixel: 24, dibSize: 64, rows: [[0, 0, 0]]).bytes())?.hasPrefix("OS/2") == true)
        #expect(reason(BMPBuilder(width: 1, height: 1, bitsPerPixel: 7, rows: [[0]]).bytes()) == "7 bits per pixel is not a valid BMP depth")
        #expect(reason(BMPBuilder(width: 0, height: 1, bitsPerPixel: 24, rows: []).bytes()) == "image size 0×1 is empty or negative")
        let outOfPalette = BMPBuilder(width: 2, height: 1, bitsPerPixel: 8, palette: [(1, 2, 3)], colorsUsed: 1, rows: [[0, 5]]).bytes()
        #expect(reason(outOfPalette) == "pixel 1,0 uses palette index 5; the palette has 1 colours")
        let zeroMask = BMPBuilder(width: 1, height: 1, bitsPerPixel: 32, compression: 3, masks: [0xFF, 0, 0xFF0000], rows: [[0, 0, 0, 0]]).bytes()
        #expect(reason(zeroMask) == "the green bit mask is zero")
    }

    @Test func truncationAndSizeLimit() throws {
        let file = BMPBuilder(width: 2, height: 2, bitsPerPixel: 24, rows: [[1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11, 12]]).bytes()
        for length in 0..<file.count {
            #expect(throws: ImagingError.self) { try decode(Array(file[..<length])) }
        }
        #expect(reason(Array(file.dropLast()))?.hasPrefix("truncated: 2×2 24-bit pixel data needs 16 bytes") == true)
        // The header's size is checked against the limit before the pixel data is even looked at.
        let huge = BMPBuilder(width: 100_000, height: -100_000, bitsPerPixel: 24, rows: []).bytes()
        #expect(throws: ImagingError.tooLarge(file: "t.bmp", width: 100_000, height: 100_000, limit: 100_000_000)) { try decode(huge) }
        #expect(throws: ImagingError.tooLarge(file: "t.bmp", width: 2, height: 2, limit: 3)) {
            try decode(file, options: DecodingOptions(maxPixels: 3))
        }
    }

    @Test func corruptedHeadersGiveAnImageOfTheHeaderSizeOrATypedErrorNamingTheFile() throws {
        // Set each header and palette byte of a valid file to 0x00, 0x7F and 0xFF in turn: every result
        // must be an image whose size is the one the (damaged) header states, or an error naming the file.
        let file = BMPBuilder(width: 3, height: 2, bitsPerPixel: 8, palette: [(0, 0, 0), (9, 9, 9)], colorsUsed: 2,
                              rows: [[0, 1, 0], [1, 0, 1]]).bytes()
        #expect(try decode(file) == Image(width: 3, height: 2, channels: 1, pixels: [9, 0, 9, 0, 9, 0]))  // bottom row stored first
        func int32(_ bytes: [UInt8], at offset: Int) -> Int {
            Int(Int32(bitPattern: (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }))
        }
        var images = 0, errors = 0
        for i in 0..<min(file.count, 70) {
            for value: UInt8 in [0x00, 0x7F, 0xFF] {
                var bad = file
                bad[i] = value
                do {
                    let image = try decode(bad)
                    images += 1
                    #expect(image.width == abs(int32(bad, at: 18)), "byte \(i) = \(value)")
                    #expect(image.height == abs(int32(bad, at: 22)), "byte \(i) = \(value)")
                    #expect(image.samples.count == image.width * image.height * image.channels)
                } catch {
                    errors += 1
                    #expect(error.description.hasPrefix("t.bmp: "), "byte \(i) = \(value): \(error)")
                }
            }
        }
        // Damage in unused fields (resolution, reserved bytes, palette colours) still decodes; damage
        // in the signature, sizes, bit depth or compression does not.
        #expect(images > 0)
        #expect(errors > 0)
    }
}
