import Foundation
import Testing
import TestSupport
@testable import Imaging

/// A format defined only here, to show a new format needs nothing but a conformer and `adding(_:)`:
/// "TKIMG", width and height as little-endian UInt16, then 8-bit grey pixels row by row.
private struct TKImageFormat: ImageFormat {
    static let magic = Array("TKIMG".utf8)

    var name: String { "tkimg" }
    var signatureLength: Int { 5 }
    func recognises(_ prefix: [UInt8]) -> Bool { prefix == Self.magic }

    func decode(_ bytes: [UInt8], file: String, options: DecodingOptions) throws(ImagingError) -> DecodedImage {
        guard bytes.starts(with: Self.magic) else { throw .unknownFormat(file: file) }
        guard bytes.count >= 9 else { throw .corrupt(file: file, reason: "header needs 9 bytes, got \(bytes.count)") }
        let width = Int(bytes[5]) | Int(bytes[6]) << 8
        let height = Int(bytes[7]) | Int(bytes[8]) << 8
        guard bytes.count - 9 == width * height else {
            throw .corrupt(file: file, reason: "\(width)×\(height) needs \(width * height) pixels, got \(bytes.count - 9)")
        }
        return DecodedImage(image: Image(width: width, height: height, channels: 1, pixels: Array(bytes[9...])))
    }

    var writableExtensions: [String] { ["tkimg"] }

    func encode(_ image: Image, file: String) throws(ImagingError) -> [UInt8] {
        guard image.channels == 1, case .uint8(let pixels) = image.samples, image.width < 65536, image.height < 65536 else {
            throw .cannotEncode(file: file, reason: "TKIMG holds 8-bit grey only")
        }
        let size = [image.width, image.height].flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        return Self.magic + size + pixels
    }
}

/// Recognises nothing; registered under "png" to check that a same-named format replaces the built-in one.
private struct BlindPNG: ImageFormat {
    var name: String { "png" }
    var signatureLength: Int { 8 }
    func recognises(_ prefix: [UInt8]) -> Bool { false }
    func decode(_ bytes: [UInt8], file: String, options: DecodingOptions) throws(ImagingError) -> DecodedImage {
        throw .unsupported(file: file, reason: "blind")
    }
}

@Suite struct ImageFormatRegistryTests {
    static let grey = Image(width: 3, height: 2, channels: 1, pixels: [0, 10, 20, 200, 250, 255])

    /// A 2×1 24-bit bottom-up BMP written byte by byte: a red pixel, then a blue one (stored BGR).
    static let bmp: [UInt8] = {
        func u16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: Int) -> [UInt8] { (0..<4).map { UInt8(v >> (8 * $0) & 0xFF) } }
        let row: [UInt8] = [0, 0, 255, 255, 0, 0, 0, 0]  // BGR BGR + 2 bytes padding to 4
        let dib = u32(40) + u32(2) + u32(1) + u16(1) + u16(24) + u32(0) + u32(row.count) + u32(2835) + u32(2835) + u32(0) + u32(0)
        return Array("BM".utf8) + u32(14 + dib.count + row.count) + u32(0) + u32(14 + dib.count) + dib + row
    }()

    /// Real files of each built-in format with what they decode to.
    static func samples() throws -> [(name: String, bytes: [UInt8], image: Image)] {
        let jpegImage = Image(width: 10, height: 10, channels: 1, pixels: JPEGFixtures.graySquarePixels)
        return [
            ("png", try PNGEncoder().encode(grey), grey),
            ("jpeg", JPEGFixtures.graySquare, jpegImage),
            ("pnm", try PNMEncoder.encode(grey), grey),
            ("pnm", try PNMEncoder.encode(grey, plain: true), grey),
            ("bmp", bmp, Image(width: 2, height: 1, channels: 3, pixels: [255, 0, 0, 0, 0, 255])),
        ]
    }

    @Test func standardListsTheBuiltInFormatsInSniffingOrder() {
        let standard = ImageFormatRegistry.standard
        #expect(standard.readableNames == ["png", "jpeg", "pnm", "bmp"])
        #expect(standard.writableExtensions == ["png", "pnm", "ppm", "pgm"])
        #expect(standard.writableExtensionsPhrase == ".png, .pnm, .ppm or .pgm")
        #expect(standard.signatureLength == 8)
    }

    @Test func eachBuiltInFormatRecognisesItsOwnBytesOnly() throws {
        let formats = ImageFormatRegistry.standard.formats
        for sample in try Self.samples() {
            #expect(ImageFile.format(of: sample.bytes)?.name == sample.name)
            for format in formats {
                let prefix = Array(sample.bytes.prefix(format.signatureLength))
                #expect(format.recognises(prefix) == (format.name == sample.name), "\(format.name) on \(sample.name) bytes")
            }
        }
    }

    @Test func decodesEachBuiltInFormatToItsPixels() throws {
        for sample in try Self.samples() {
            let decoded = try ImageFile.decode(sample.bytes, file: "sample.\(sample.name)")
            #expect(decoded.image == sample.image, "\(sample.name)")
            #expect(decoded.warnings.isEmpty, "\(sample.name)")
        }
    }

    @Test(arguments: [
        Array("hello, world".utf8),
        [],
        [0xFF, 0xD8],  // JPEG's SOI without the next marker
        Array("P7\nWIDTH 1\n".utf8),  // PAM is not one of P1–P6
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A],  // a PNG signature cut short
    ])
    func unknownBytesThrowUnknownFormatNamingTheFile(bytes: [UInt8]) {
        #expect(ImageFile.format(of: bytes) == nil)
        #expect(throws: ImagingError.unknownFormat(file: "notes.txt")) {
            try ImageFile.decode(bytes, file: "notes.txt")
        }
    }

    @Test func extensionLookupIgnoresCaseAndALeadingDot() {
        let standard = ImageFormatRegistry.standard
        #expect(standard.format(forExtension: "png")?.name == "png")
        #expect(standard.format(forExtension: "PNG")?.name == "png")
        #expect(standard.format(forExtension: ".Ppm")?.name == "pnm")
        #expect(standard.format(forExtension: "PGM")?.name == "pnm")
        #expect(standard.format(forExtension: "pnm")?.name == "pnm")
        // Decode-only formats write nothing, so their extensions find no writer.
        #expect(standard.format(forExtension: "jpg") == nil)
        #expect(standard.format(forExtension: "bmp") == nil)
        #expect(standard.format(forExtension: "") == nil)
        #expect(standard.format(forExtension: ".") == nil)
    }

    @Test func writingAnUnknownExtensionListsTheWritableOnes() {
        #expect(throws: ImagingError.cannotEncode(file: "out.JPG", reason: "unknown output extension '.jpg'; use .png, .pnm, .ppm or .pgm")) {
            try ImageFile.write(Self.grey, to: "out.JPG")
        }
        #expect(throws: ImagingError.cannotEncode(file: "out", reason: "no output extension; use .png, .pnm, .ppm or .pgm")) {
            try ImageFile.write(Self.grey, to: "out")
        }
        let extended = ImageFormatRegistry.standard.adding(TKImageFormat())
        #expect(throws: ImagingError.cannotEncode(file: "out.bmp", reason: "unknown output extension '.bmp'; use .png, .pnm, .ppm, .pgm or .tkimg")) {
            try extended.encode(Self.grey, forPath: "out.bmp")
        }
        #expect(ImageFormatRegistry().writableExtensionsPhrase == "no extension (no format here can be written)")
        #expect(ImageFormatRegistry().adding(PNGFormat()).writableExtensionsPhrase == ".png")
    }

    @Test func encodeErrorsNameTheDestination() {
        let empty = Image(width: 0, height: 0, channels: 1, pixels: [])
        #expect(throws: ImagingError.cannotEncode(file: "e.png", reason: "PNG needs a width and height of 1 to 2^31 − 1, got 0×0")) {
            try ImageFile.write(empty, to: "e.png")
        }
        #expect(throws: ImagingError.cannotEncode(file: "x.jpeg", reason: "jpeg images can be read but not written")) {
            try JPEGFormat().encode(Self.grey, file: "x.jpeg")
        }
    }

    @Test func aCustomFormatIsReadAndWrittenThroughTheRegistry() throws {
        let folder = try TemporaryFolder(prefix: "tk-formats")
        defer { withExtendedLifetime(folder) {} }
        let formats = ImageFormatRegistry.standard.adding(TKImageFormat())
        #expect(formats.readableNames == ["png", "jpeg", "pnm", "bmp", "tkimg"])
        #expect(ImageFormatRegistry.standard.readableNames.count == 4)  // `adding` leaves the original alone

        let path = folder.path + "/grey.TKIMG"
        try formats.write(Self.grey, to: path)
        let onDisk = try ImageFile.bytes(path: path)
        #expect(onDisk == Array("TKIMG".utf8) + [3, 0, 2, 0] + [0, 10, 20, 200, 250, 255])
        #expect(formats.format(of: onDisk)?.name == "tkimg")
        #expect(try formats.read(path: path).image == Self.grey)
        // The standard registry does not know it.
        #expect(throws: ImagingError.unknownFormat(file: path)) { try ImageFile.read(path: path) }

        // Converting between a custom and a built-in format goes through the same registry.
        let png = folder.path + "/grey.png"
        try formats.write(try formats.read(path: path).image, to: png)
        #expect(try ImageFile.read(path: png).image == Self.grey)
        let rgb = Image(width: 1, height: 1, channels: 3, pixels: [1, 2, 3])
        #expect(throws: ImagingError.cannotEncode(file: path, reason: "TKIMG holds 8-bit grey only")) {
            try formats.write(rgb, to: path)
        }
        #expect(try formats.read(path: path).image == Self.grey)  // the failed write left the file alone
    }

    @Test func addingAFormatWithATakenNameReplacesItInPlace() throws {
        let png = try PNGEncoder().encode(Self.grey)
        let twice = ImageFormatRegistry.standard.adding(TKImageFormat()).adding(TKImageFormat())
        #expect(twice.readableNames == ["png", "jpeg", "pnm", "bmp", "tkimg"])
        let blind = ImageFormatRegistry.standard.adding(BlindPNG())
        #expect(blind.readableNames == ["png", "jpeg", "pnm", "bmp"])
        #expect(blind.format(of: png) == nil)
        #expect(blind.format(forExtension: "png") == nil)
        #expect(throws: ImagingError.unknownFormat(file: "a.png")) { try blind.decode(png, file: "a.png") }
    }
}
