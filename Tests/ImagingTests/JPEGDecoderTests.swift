import Foundation
import Testing

@testable import Imaging

/// Decoder behaviour that needs no external data: the embedded fixture, headers, errors, damage.
struct JPEGDecoderTests {
    @Test func embeddedFixtureMatchesDjpegExactly() throws {
        let decoded = try JPEGDecoder.decode(JPEGFixtures.graySquare, file: "square.jpg")
        #expect(decoded.image.width == 10 && decoded.image.height == 10 && decoded.image.channels == 1)
        #expect(decoded.image.jpegTestPixels == JPEGFixtures.graySquarePixels)
        #expect(decoded.warnings.isEmpty)
    }

    @Test(arguments: [
        ("progressiveDCOnly", JPEGFixtures.progressiveDCOnly),
        ("progressivePartial", JPEGFixtures.progressivePartial),
        ("corruptBaseline", JPEGFixtures.corruptBaseline),
    ])
    func damagedFilesMatchDjpeg(name: String, fixture: JPEGFixtureCase) throws {
        let decoded = try JPEGDecoder.decode(fixture.bytes, file: name)
        #expect(decoded.image.width == fixture.width && decoded.image.height == fixture.height)
        #expect(JPEGFixtureCase.hash(decoded.image.jpegTestPixels) == fixture.pixelHash)
        #expect(!decoded.warnings.isEmpty)
    }

    @Test func nonJPEGBytesAreRejected() {
        for bytes in [[], [0xFF], [0x89, 0x50, 0x4E, 0x47], [0xFF, 0xD9, 0xFF, 0xD8]] as [[UInt8]] {
            #expect(throws: ImagingError.self) { _ = try JPEGDecoder.decode(bytes, file: "x") }
        }
    }

    @Test func fileWithoutImageIsCorrupt() {
        #expect(throws: ImagingError.corrupt(file: "x", reason: "JPEG datastream contains no image")) {
            _ = try JPEGDecoder.decode([0xFF, 0xD8, 0xFF, 0xD9], file: "x")
        }
        // Cut inside a DHT segment: the end of the file reads as FF D9 …, as in libjpeg, and the table is bogus.
        let header = Array(JPEGFixtures.graySquare.prefix(160))
        #expect(throws: ImagingError.self) { _ = try JPEGDecoder.decode(header, file: "x") }
    }

    @Test func pixelLimitIsCheckedFromTheFrameHeader() {
        // SOI, SOF0 claiming 60000 × 60000 with one component, then nothing.
        let bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x0B, 0x08, 0xEA, 0x60, 0xEA, 0x60, 0x01, 0x01, 0x11, 0x00]
        #expect(throws: ImagingError.tooLarge(file: "big", width: 60000, height: 60000, limit: 1_000_000)) {
            _ = try JPEGDecoder.decode(bytes, file: "big", options: DecodingOptions(maxPixels: 1_000_000))
        }
    }

    @Test(arguments: [0xC3, 0xC5, 0xC9, 0xCA] as [UInt8])
    func unsupportedProcessesThrowUnsupported(marker: UInt8) {
        let bytes: [UInt8] = [0xFF, 0xD8, 0xFF, marker, 0x00, 0x0B, 0x08, 0x00, 0x08, 0x00, 0x08, 0x01, 0x01, 0x11, 0x00]
        #expect {
            _ = try JPEGDecoder.decode(bytes, file: "x")
        } throws: { error in
            guard let e = error as? ImagingError, case .unsupported = e else { return false }
            return true
        }
    }

    @Test func twelveBitSamplesAreUnsupported() {
        let bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xC1, 0x00, 0x0B, 0x0C, 0x00, 0x08, 0x00, 0x08, 0x01, 0x01, 0x11, 0x00]
        #expect {
            _ = try JPEGDecoder.decode(bytes, file: "x")
        } throws: { error in
            guard let e = error as? ImagingError, case .unsupported = e else { return false }
            return true
        }
    }

    @Test func truncatedScanDecodesWithWarningAndGreyFill() throws {
        let full = JPEGFixtures.graySquare
        // Cut inside the entropy-coded data: libjpeg warns and fills missing blocks with grey.
        let cut = Array(full.prefix(full.count - 40))
        let decoded = try JPEGDecoder.decode(cut, file: "cut.jpg")
        #expect(!decoded.warnings.isEmpty)
        #expect(decoded.image.width == 10)
    }

    @Test func extraneousBytesBeforeEOIAreAWarning() throws {
        var bytes = JPEGFixtures.graySquare
        bytes.insert(contentsOf: [0x12, 0x34, 0x56], at: bytes.count - 2)
        let decoded = try JPEGDecoder.decode(bytes, file: "extra.jpg")
        #expect(decoded.image.jpegTestPixels == JPEGFixtures.graySquarePixels)
        #expect(decoded.warnings.contains { $0.contains("extraneous bytes before marker 0xd9") })
    }

    @Test func missingEOIIsAWarning() throws {
        let bytes = Array(JPEGFixtures.graySquare.dropLast(2))
        let decoded = try JPEGDecoder.decode(bytes, file: "noeoi.jpg")
        #expect(decoded.image.jpegTestPixels == JPEGFixtures.graySquarePixels)
        #expect(decoded.warnings.contains("Premature end of JPEG file"))
    }

    @Test func unreadablePathThrowsUnreadable() {
        #expect {
            _ = try JPEGDecoder.decode(path: "/nonexistent/file.jpg")
        } throws: { error in
            guard let e = error as? ImagingError, case .unreadable = e else { return false }
            return true
        }
    }
}

/// The building blocks: tables, IDCT, upsampling choice, colour conversion.
struct JPEGComponentsTests {
    @Test func zigzagCoversEveryCoefficientOnceAndClampsOverruns() {
        #expect(Set(JPEGZigzag.natural.prefix(64)) == Set(0..<64))
        #expect(JPEGZigzag.natural.dropFirst(64).allSatisfy { $0 == 63 })
    }

    @Test func annexKTablesAreWellFormed() throws {
        for (counts, symbols) in [
            (JPEGStandardTables.acLuminanceCounts, JPEGStandardTables.acLuminanceSymbols),
            (JPEGStandardTables.acChrominanceCounts, JPEGStandardTables.acChrominanceSymbols),
        ] {
            #expect(counts.reduce(0) { $0 + Int($1) } == 162)
            #expect(symbols.count == 162 && Set(symbols).count == 162)
        }
        for isDC in [true, false] {
            for index in 0..<2 { #expect(JPEGHuffmanTable.standard(isDC: isDC, index: index) != nil) }
        }
    }

    @Test func overfullHuffmanTableIsRejected() {
        var counts = [UInt8](repeating: 0, count: 16)
        counts[0] = 3  // three 1-bit codes cannot exist
        #expect(throws: JPEGFormatError.self) {
            _ = try JPEGHuffmanTable(counts: counts, symbols: [0, 1, 2], isDC: true)
        }
    }

    /// Runs the IDCT on natural-order coefficients with a flat quantiser.
    static func idct(_ coefficients: [Int16], quant: Int16) -> [UInt8] {
        let q = [Int16](repeating: quant, count: 64)
        var out = [UInt8](repeating: 0, count: 64)
        let scratch = JPEGScratch()
        defer { scratch.deallocate() }
        coefficients.withUnsafeBufferPointer { c in
            q.withUnsafeBufferPointer { qp in
                out.withUnsafeMutableBufferPointer { o in
                    JPEGIDCT.transform(c.baseAddress!, quant: qp.baseAddress!, output: o.baseAddress!, stride: 8,
                                       workspace: scratch.workspace)
                }
            }
        }
        return out
    }

    @Test func idctOfDCOnlyBlockIsFlat() {
        var coefficients = [Int16](repeating: 0, count: 64)
        coefficients[0] = 8  // dequantised 16 → +2 after the 1/8 DC scale
        #expect(Self.idct(coefficients, quant: 2) == [UInt8](repeating: 130, count: 64))
        #expect(Self.idct([Int16](repeating: 0, count: 64), quant: 7) == [UInt8](repeating: 128, count: 64))
    }

    @Test func idctMatchesLibjpegCReferenceOnRealisticBlocks() {
        var random = JPEGTestRandom(state: 0x1DC7)
        let scratch = JPEGScratch()
        defer { scratch.deallocate() }
        var workspace = [Int32](repeating: 0, count: 64)
        for trial in 0..<2000 {
            // Coefficients an encoder could produce: the forward DCT of random 8-bit samples
            // (smooth or noisy), quantised.
            let quant = (0..<64).map { _ in Int16(1 + random.below(trial % 2 == 0 ? 4 : 60)) }
            let base = random.below(256), noise = trial % 3 == 0 ? 255 : 24
            let samples = (0..<64).map { _ in Double(min(255, max(0, base + random.below(noise + 1) - noise / 2)) - 128) }
            var coefficients = [Int16](repeating: 0, count: 64)
            for v in 0..<8 {
                for u in 0..<8 {
                    var sum = 0.0
                    for y in 0..<8 {
                        for x in 0..<8 {
                            sum += samples[y * 8 + x] * cos(Double(2 * x + 1) * Double(u) * .pi / 16)
                                * cos(Double(2 * y + 1) * Double(v) * .pi / 16)
                        }
                    }
                    let cu = u == 0 ? 1 / 2.0.squareRoot() : 1, cv = v == 0 ? 1 / 2.0.squareRoot() : 1
                    coefficients[v * 8 + u] = Int16((sum * cu * cv / 4 / Double(quant[v * 8 + u])).rounded())
                }
            }
            var expected = [UInt8](repeating: 0, count: 64)
            coefficients.withUnsafeBufferPointer { c in
                quant.withUnsafeBufferPointer { q in
                    expected.withUnsafeMutableBufferPointer { o in
                        JPEGReferenceIDCT.rangeLimit.withUnsafeBufferPointer { limit in
                            workspace.withUnsafeMutableBufferPointer { w in
                                JPEGReferenceIDCT.transform(c.baseAddress!, quant: q.baseAddress!, output: o.baseAddress!,
                                                            stride: 8, workspace: w.baseAddress!, limit: limit.baseAddress!)
                            }
                        }
                    }
                }
            }
            var actual = [UInt8](repeating: 0, count: 64)
            coefficients.withUnsafeBufferPointer { c in
                quant.withUnsafeBufferPointer { q in
                    actual.withUnsafeMutableBufferPointer { o in
                        JPEGIDCT.transform(c.baseAddress!, quant: q.baseAddress!, output: o.baseAddress!, stride: 8,
                                           workspace: scratch.workspace)
                    }
                }
            }
            if actual != expected {
                Issue.record("trial \(trial): \(coefficients)")
                return
            }
        }
    }

    @Test func idctSaturatesOutOfRangeValuesLikeLibjpegTurbo() {
        var coefficients = [Int16](repeating: 0, count: 64)
        coefficients[0] = 2000
        coefficients[9] = 1
        #expect(Self.idct(coefficients, quant: 1).allSatisfy { $0 == 255 })
        coefficients[0] = -2000
        #expect(Self.idct(coefficients, quant: 1).allSatisfy { $0 == 0 })
    }

    @Test func upsamplingMethodsFollowLibjpegTurbo() {
        func method(_ h: Int, _ v: Int, width: Int = 64) -> JPEGUpsampleMethod? {
            let frame = JPEGFrame(process: .baseline, width: width, height: 64, components: [
                JPEGComponent(id: 1, horizontalSampling: 2, verticalSampling: 2, quantTableIndex: 0),
                JPEGComponent(id: 2, horizontalSampling: h, verticalSampling: v, quantTableIndex: 0),
            ])
            return JPEGUpsampleMethod.choose(for: frame.components[1], in: frame)
        }
        #expect(method(2, 2) == .fullSize)
        #expect(method(1, 2) == .h2v1Fancy)
        #expect(method(2, 1) == .h1v2Fancy)
        #expect(method(1, 1) == .h2v2Fancy)
        #expect(method(1, 1, width: 4) == .replicate(horizontal: 2, vertical: 2))
    }

    @Test func yCbCrConversionUsesLibjpegRounding() {
        let converter = JPEGColorConverter()
        let y: [UInt8] = [128, 76, 0], cb: [UInt8] = [128, 85, 128], cr: [UInt8] = [128, 255, 128]
        var out = [UInt8](repeating: 0, count: 9)
        y.withUnsafeBufferPointer { yp in
            cb.withUnsafeBufferPointer { bp in
                cr.withUnsafeBufferPointer { rp in
                    out.withUnsafeMutableBufferPointer { o in
                        converter.convert(.yCbCr, rows: [yp.baseAddress!, bp.baseAddress!, rp.baseAddress!], width: 3,
                                          into: o.baseAddress!)
                    }
                }
            }
        }
        // Y=76, Cb=85, Cr=255: R = 76 + 178, G = 76 + ((-0.34414·-43 - 0.71414·127) rounded), B = 76 - 76.
        #expect(out == [128, 128, 128, 254, 0, 0, 0, 0, 0])
    }

    @Test func colorSpaceFollowsMarkersAndComponentIDs() {
        func comps(_ ids: [UInt8]) -> [JPEGComponent] {
            ids.map { JPEGComponent(id: $0, horizontalSampling: 1, verticalSampling: 1, quantTableIndex: 0) }
        }
        #expect(JPEGColorSpace.detect(components: comps([1, 2, 3]), sawJFIF: false, adobeTransform: nil).0 == .yCbCr)
        #expect(JPEGColorSpace.detect(components: comps([82, 71, 66]), sawJFIF: false, adobeTransform: nil).0 == .rgb)
        #expect(JPEGColorSpace.detect(components: comps([1, 2, 3]), sawJFIF: false, adobeTransform: 0).0 == .rgb)
        #expect(JPEGColorSpace.detect(components: comps([1, 2, 3, 4]), sawJFIF: false, adobeTransform: 2).0 == .yccK)
        #expect(JPEGColorSpace.detect(components: comps([1, 2, 3, 4]), sawJFIF: false, adobeTransform: nil).0 == .cmyk)
    }
}
