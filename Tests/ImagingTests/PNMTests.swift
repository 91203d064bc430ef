import Testing
@testable import Imaging

private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

private func decode(_ data: [UInt8], options: DecodingOptions = DecodingOptions()) throws(ImagingError) -> Image {
    try PNMDecoder.decode(data, file: "t.pnm", options: options)
}

/// The reason of a `.corrupt` error, or nil.
private func corruptReason(_ data: [UInt8]) -> String? {
    do {
        _ = try decode(data)
        return nil
    } catch {
        if case .corrupt(_, let reason) = error { return reason }
        return nil
    }
}

@Suite struct PNMRoundTripTests {
    static let grey8 = Image(width: 3, height: 2, channels: 1, pixels: [0, 1, 127, 128, 254, 255])
    static let rgb8 = Image(width: 2, height: 2, channels: 3, pixels: (0..<12).map { UInt8($0 * 21) })
    static let grey16 = Image(width: 2, height: 1, channels: 1, pixels16: [0x0102, 0xFFFF])
    static let rgb16 = Image(width: 1, height: 2, channels: 3, pixels16: [0, 1, 256, 65534, 65535, 4097])

    @Test(arguments: [grey8, rgb8, grey16, rgb16], [false, true])
    func roundTrip(image: Image, plain: Bool) throws {
        let encoded = try PNMEncoder.encode(image, plain: plain)
        #expect(try decode(encoded) == image)
    }

    @Test func rawHeaderAndBigEndianLayout() throws {
        let encoded = try PNMEncoder.encode(Self.grey16)
        #expect(encoded == bytes("P5\n2 1\n65535\n") + [0x01, 0x02, 0xFF, 0xFF])
        #expect(try PNMEncoder.encode(Self.rgb8, plain: true) == bytes("P3\n2 2\n255\n0 21 42 63 84 105\n126 147 168 189 210 231\n"))
    }

    @Test func plainLinesStayUnderSeventyCharacters() throws {
        let wide = Image(width: 40, height: 1, channels: 3, pixels: [UInt8](repeating: 200, count: 120))
        let text = String(decoding: try PNMEncoder.encode(wide, plain: true), as: UTF8.self)
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 70 })
        #expect(try decode(Array(text.utf8)) == wide)
    }

    @Test func alphaIsRefused() {
        let rgba = Image(width: 1, height: 1, channels: 4, pixels: [1, 2, 3, 4])
        #expect(throws: ImagingError.cannotEncode(file: "<memory>", reason: "PNM has no alpha channel; drop or flatten alpha first")) {
            try PNMEncoder.encode(rgba)
        }
    }
}

@Suite struct PNMDecoderTests {
    @Test func commentsAndOddWhitespace() throws {
        let data = bytes("P2 # a comment\n#another\n 3\t2 # width height\n15\r\n0 5 15\n# mid-raster\n1 2 3")
        let image = try decode(data)
        // maxval 15 is rescaled: round(v · 255 / 15).
        #expect(image == Image(width: 3, height: 2, channels: 1, pixels: [0, 85, 255, 17, 34, 51]))
    }

    @Test func smallAndLargeMaxvalsRescale() throws {
        #expect(try decode(bytes("P5 2 1 1\n") + [0, 1]).samples == .uint8([0, 255]))
        // maxval 1000 → 16 bits: round(500 · 65535 / 1000) = 32768.
        #expect(try decode(bytes("P5 1 1 1000\n") + [0x01, 0xF4]).samples == .uint16([32768]))
        #expect(try decode(bytes("P2 1 1 65535\n65535"), options: DecodingOptions(keep16Bit: false)).samples == .uint8([255]))
    }

    @Test func bitmaps() throws {
        // 1 is black. Plain bits need no separators.
        let plain = try decode(bytes("P1\n# pbm\n3 2\n101\n0 1 0"))
        #expect(plain == Image(width: 3, height: 2, channels: 1, pixels: [0, 255, 0, 255, 0, 255]))
        // Raw rows are padded to whole bytes: 10 pixels → 2 bytes per row.
        let raw = try decode(bytes("P4\n10 2\n") + [0b1010_0000, 0b1100_0000, 0xFF, 0x00])
        #expect(raw.samples == .uint8([0, 255, 0, 255, 255, 255, 255, 255, 0, 0] + [0, 0, 0, 0, 0, 0, 0, 0, 255, 255]))
    }

    @Test func trailingBytesAreIgnored() throws {
        #expect(try decode(bytes("P5 1 1 255\n") + [7, 1, 2, 3]).samples == .uint8([7]))
    }

    @Test func unknownAndUnsupportedFormats() {
        #expect(throws: ImagingError.unknownFormat(file: "t.pnm")) { try decode(bytes("GIF89a")) }
        #expect(throws: ImagingError.unknownFormat(file: "t.pnm")) { try decode([]) }
        #expect(throws: ImagingError.self) { try decode(bytes("P7\nWIDTH 1\n")) }
        #expect(PNMDecoder.canDecode(bytes("P6\n")) && !PNMDecoder.canDecode(bytes("P6x")) && !PNMDecoder.canDecode(bytes("P8 ")))
        // ImageFile sniffs with two bytes.
        #expect(PNMDecoder.canDecode(bytes("P5")) && !PNMDecoder.canDecode(bytes("P")))
    }

    @Test func malformedHeadersNameTheField() {
        #expect(corruptReason(bytes("P5")) == "P5 must be followed by whitespace")
        #expect(corruptReason(bytes("P5 ")) == "file ends before the width")
        #expect(corruptReason(bytes("P5 x 1 255\n"))?.contains("width") == true)
        #expect(corruptReason(bytes("P5 2 1x 255\n"))?.contains("height is followed by byte 0x78") == true)
        #expect(corruptReason(bytes("P5 0 1 255\n")) == "image size 0×1 is empty")
        #expect(corruptReason(bytes("P5 1 1 0\n")) == "maxval is 0; it must be 1…65535")
        #expect(corruptReason(bytes("P5 1 1 70000\n")) == "maxval exceeds 65535")
        #expect(corruptReason(bytes("P5 1 1 255")) == "file ends after the header: no pixel data")
        #expect(corruptReason(bytes("P5 99999999999 1 255\n"))?.contains("width exceeds") == true)
    }

    @Test func malformedRasters() {
        #expect(corruptReason(bytes("P6 2 1 255\n") + [1, 2, 3, 4]) == "truncated: 2×1 P6 needs 6 bytes of pixel data, found 4")
        #expect(corruptReason(bytes("P5 2 1 100\n") + [50, 101]) == "sample 1 (pixel 1,0) exceeds maxval 100")
        #expect(corruptReason(bytes("P2 2 1 100\n50 101"))?.hasPrefix("sample 1 exceeds 100 (pixel 1,0") == true)
        #expect(corruptReason(bytes("P3 1 1 255\n1 2   "))?.hasPrefix("file ends before the sample 2") == true)
        // A plain file too short for its claimed size fails before the samples are allocated.
        #expect(corruptReason(bytes("P2 9000 9000 255\n1 2 3")) == "truncated: 9000×9000 P2 needs at least 161999999 bytes of pixel data, found 5")
        #expect(corruptReason(bytes("P1 4 1\n101")) == "truncated: 4×1 P1 needs at least 4 bytes of pixel data, found 3")
        #expect(corruptReason(bytes("P1 2 1\n1 2"))?.contains("not 0 or 1") == true)
        #expect(corruptReason(bytes("P4 9 1\n") + [0xFF]) == "truncated: 9×1 P4 needs 2 bytes of pixel data, found 1")
    }

    @Test func sizeLimitIsCheckedBeforeReadingPixels() {
        // A tiny file claiming 100000 × 100000 pixels must fail on size, not allocate.
        let header = bytes("P6 100000 100000 255\n")
        #expect(throws: ImagingError.tooLarge(file: "t.pnm", width: 100000, height: 100000, limit: 100_000_000)) {
            try decode(header)
        }
        #expect(throws: ImagingError.tooLarge(file: "t.pnm", width: 3, height: 2, limit: 5)) {
            try decode(bytes("P5 3 2 255\n") + [UInt8](repeating: 0, count: 6), options: DecodingOptions(maxPixels: 5))
        }
    }

    @Test func everyTruncationOfAValidFileFailsCleanly() throws {
        let raw = [try PNMEncoder.encode(PNMRoundTripTests.rgb16), bytes("P4 10 2\n") + [1, 2, 3, 4]]
        for file in raw {
            for length in 0..<file.count {
                #expect(throws: ImagingError.self) { try decode(Array(file[..<length])) }
            }
        }
        // A plain file cut inside its last number is a valid file with a different last sample,
        // so plain files are cut only up to the separator before the last sample.
        let plain = [try PNMEncoder.encode(PNMRoundTripTests.rgb8, plain: true), bytes("P1 3 2\n101\n01 0\n")]
        for file in plain {
            let trimmed = file.last == 0x0A ? Array(file.dropLast()) : file
            let lastSeparator = trimmed.lastIndex { PNMScanner.isWhitespace($0) }!
            for length in 0...lastSeparator {
                #expect(throws: ImagingError.self) { try decode(Array(file[..<length])) }
            }
        }
    }
}
