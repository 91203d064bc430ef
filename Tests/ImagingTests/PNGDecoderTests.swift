import DeflateCodec
import Imaging
import Randomness
import Testing

/// The decoder on hand-built files: size limits, damage, chunk rules, pixel expansion.
struct PNGDecoderTests {
    /// A 2×2 8-bit RGB image, rows unfiltered.
    static let small = PNGTestFile.make(
        width: 2, height: 2, bitDepth: 8, colorType: 2,
        filtered: [0, 1, 2, 3, 4, 5, 6, 0, 7, 8, 9, 10, 11, 12])

    @Test func decodesSmallImage() throws {
        let image = try PNGDecoder().decode(Self.small)
        #expect(image == Image(width: 2, height: 2, channels: 3, pixels: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]))
        #expect(PNGDecoder.hasSignature(Self.small))
        #expect(!PNGDecoder.hasSignature([0x89, 0x50]))
    }

    @Test func refusesHugeHeaderBeforeAllocating() {
        // No IDAT at all: the size check must fire while reading IHDR, before any buffer exists.
        var file = PNGTestFile()
        file.header(width: 100_000, height: 100_000, bitDepth: 16, colorType: 6)
        file.chunk("IEND", [])
        #expect(throws: ImagingError.tooLarge(file: "huge.png", width: 100_000, height: 100_000, limit: 100_000_000)) {
            try PNGDecoder().decode(file.bytes, file: "huge.png")
        }
        // With no limit, the largest legal size still fails cleanly: the image data
        // cannot fill it, and nothing is allocated beyond what the data could produce.
        for (width, height) in [(0x7FFF_FFFF, 0x7FFF_FFFF), (0x7FFF_FFFF, 1_000)] as [(UInt32, UInt32)] {
            var largest = PNGTestFile()
            largest.header(width: width, height: height, bitDepth: 16, colorType: 6)
            largest.chunk("IDAT", Zlib.compress([0, 1, 2, 3]))
            largest.chunk("IEND", [])
            #expect(throws: ImagingError.self) {
                try PNGDecoder().decode(largest.bytes, options: DecodingOptions(maxPixels: .max))
            }
        }
        #expect(throws: ImagingError.tooLarge(file: "<memory>", width: 2, height: 2, limit: 3)) {
            try PNGDecoder().decode(Self.small, options: DecodingOptions(maxPixels: 3))
        }
    }

    @Test func everyTruncationIsAnError() {
        for length in 0..<Self.small.count {
            #expect(throws: ImagingError.self, "prefix of \(length) bytes") {
                try PNGDecoder().decode(Array(Self.small.prefix(length)))
            }
        }
    }

    @Test func everySingleBitFlipIsAnError() {
        for bit in 0..<(Self.small.count * 8) {
            var damaged = Self.small
            damaged[bit / 8] ^= 1 << UInt8(bit % 8)
            #expect(throws: ImagingError.self, "bit \(bit)") { try PNGDecoder().decode(damaged) }
        }
    }

    @Test func seededDamageNeverCrashes() throws {
        var generator = SeededGenerator(seed: 11)
        let pixels = (0..<(40 * 30 * 4)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let file = try PNGEncoder().encode(Image(width: 40, height: 30, channels: 4, pixels: pixels))
        for _ in 0..<300 {
            var damaged = file
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                damaged[Int.random(in: 0..<damaged.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            // Without checksums, damage reaches the inflater and the filters; it may decode or fail, never trap.
            _ = try? PNGDecoder(verifiesChecksums: false).decode(damaged)
            if damaged != file { #expect(throws: ImagingError.self) { try PNGDecoder().decode(damaged) } }
        }
    }

    @Test func chunkRules() {
        func reason(_ bytes: [UInt8]) -> String {
            do {
                _ = try PNGDecoder().decode(bytes)
                return "decoded"
            } catch {
                return "\(error)"
            }
        }
        let rows: [UInt8] = [0, 1, 2, 3, 4, 5, 6, 0, 7, 8, 9, 10, 11, 12]
        let badFilter = PNGTestFile.make(width: 2, height: 2, bitDepth: 8, colorType: 2, filtered: [5] + rows.dropFirst())
        #expect(reason(badFilter).contains("invalid filter type 5 on row 0"))
        let short = PNGTestFile.make(width: 2, height: 2, bitDepth: 8, colorType: 2, filtered: Array(rows.dropLast()))
        #expect(reason(short).contains("IDAT data: 13 bytes, the header needs 14"))
        let long = PNGTestFile.make(width: 2, height: 2, bitDepth: 8, colorType: 2, filtered: rows + [0])
        #expect(reason(long).contains("more image data"))
        let critical = PNGTestFile.make(
            width: 2, height: 2, bitDepth: 8, colorType: 2, filtered: rows, before: [("ABCD", [1])])
        #expect(reason(critical).contains("unknown critical chunk ABCD"))
        let ancillary = PNGTestFile.make(
            width: 2, height: 2, bitDepth: 8, colorType: 2, filtered: rows, before: [("abCD", [1]), ("tEXt", [65])])
        #expect(reason(ancillary) == "decoded")
        let paletteless = PNGTestFile.make(width: 2, height: 2, bitDepth: 8, colorType: 3, filtered: [0, 0, 0, 0, 0, 0])
        #expect(reason(paletteless).contains("without a PLTE"))
        var noEnd = PNGTestFile()
        noEnd.header(width: 2, height: 2, bitDepth: 8, colorType: 2)
        noEnd.chunk("IDAT", Zlib.compress(rows))
        #expect(reason(noEnd.bytes).contains("no IEND"))
        var split = PNGTestFile()
        split.header(width: 2, height: 2, bitDepth: 8, colorType: 2)
        let packed = Zlib.compress(rows)
        split.chunk("IDAT", Array(packed[0..<3]))
        split.chunk("tEXt", [65])
        split.chunk("IDAT", Array(packed[3...]))
        split.chunk("IEND", [])
        #expect(reason(split.bytes).contains("not consecutive"))
        var badHeader = PNGTestFile()
        badHeader.header(width: 0, height: 2, bitDepth: 8, colorType: 2)
        #expect(reason(badHeader.bytes).contains("IHDR chunk: image size 0×2"))
        #expect(reason([1, 2, 3]) == "<memory>: not a PNG, JPEG, PNM or BMP file")
    }

    @Test func idatMaySplitAnywhere() throws {
        let rows: [UInt8] = [1, 1, 2, 3, 4, 5, 6, 2, 7, 8, 9, 10, 11, 12]
        let packed = Zlib.compress(rows)
        for cut in 0...packed.count {
            var file = PNGTestFile()
            file.header(width: 2, height: 2, bitDepth: 8, colorType: 2)
            file.chunk("IDAT", Array(packed[0..<cut]))
            file.chunk("IDAT", Array(packed[cut...]))
            file.chunk("IEND", [])
            let image = try PNGDecoder().decode(file.bytes)
            // Sub on row 0 and Up on row 1.
            #expect(image.samples == .uint8([1, 2, 3, 5, 7, 9, 8, 10, 12, 15, 18, 21]))
        }
    }

    @Test func paletteAndTransparencyExpansion() throws {
        let palette: [UInt8] = [255, 0, 0, 0, 255, 0, 0, 0, 255]
        // 2-bit indices 0, 1, 2, 3 packed in one byte (3 is past the palette: opaque black, as libpng).
        let rows: [UInt8] = [0, 0b00_01_10_11]
        let rgb = try PNGDecoder().decode(PNGTestFile.make(
            width: 4, height: 1, bitDepth: 2, colorType: 3, filtered: rows, before: [("PLTE", palette)]))
        #expect(rgb == Image(width: 4, height: 1, channels: 3, pixels: [255, 0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0]))
        let rgba = try PNGDecoder().decode(PNGTestFile.make(
            width: 4, height: 1, bitDepth: 2, colorType: 3, filtered: rows,
            before: [("PLTE", palette), ("tRNS", [0, 128])]))
        #expect(rgba.samples == .uint8([255, 0, 0, 0, 0, 255, 0, 128, 0, 0, 255, 255, 0, 0, 0, 255]))
        // 4-bit grey with key 5: values scale by 17, the key becomes transparent.
        let grey = try PNGDecoder().decode(PNGTestFile.make(
            width: 3, height: 1, bitDepth: 4, colorType: 0, filtered: [0, 0x5F, 0x10], before: [("tRNS", [0, 5])]))
        #expect(grey.channels == 2)
        #expect(grey.samples == .uint8([85, 0, 255, 255, 17, 255]))
        // 16-bit RGB with a key: alpha 0 or 65535; reduced, round(v / 257).
        let sixteen = PNGTestFile.make(
            width: 2, height: 1, bitDepth: 16, colorType: 2,
            filtered: [0, 0x12, 0x34, 0, 0, 0xFF, 0xFF, 0x00, 0x80, 0x00, 0x81, 0x01, 0x01],
            before: [("tRNS", [0x12, 0x34, 0, 0, 0xFF, 0xFF])])
        let kept = try PNGDecoder().decode(sixteen)
        #expect(kept.samples == .uint16([0x1234, 0, 0xFFFF, 0, 0x0080, 0x0081, 0x0101, 0xFFFF]))
        let reduced = try PNGDecoder().decode(sixteen, options: DecodingOptions(keep16Bit: false))
        #expect(reduced.samples == .uint8([18, 0, 255, 0, 0, 1, 1, 255]))
    }
}
