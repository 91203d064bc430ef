import Foundation
import Imaging
import Testing

/// PngSuite conformance: every valid file decodes to its reference pixels,
/// every corrupt file is rejected with a typed error.
///
/// Skipped, with a visible reason, when ../shared is absent.
@Suite(.enabled(if: SharedCodecs.isPNGSuiteAvailable, SharedCodecs.skipReason))
struct PNGSuiteTests {
    static let validNames = SharedCodecs.pngSuiteNames(corrupt: false)
    static let corruptNames = SharedCodecs.pngSuiteNames(corrupt: true)

    @Test func suiteHasEveryFile() {
        #expect(Self.validNames.count == 161)
        #expect(Self.corruptNames.count == 14)
        let reductions = Self.validNames.filter {
            FileManager.default.fileExists(atPath: json("\($0)_to8").path)
        }
        #expect(reductions.count == 29)
    }

    @Test(arguments: validNames)
    func decodesToReference(name: String) throws {
        let bytes = SharedCodecs.bytes(SharedCodecs.pngSuite.appendingPathComponent("\(name).png"))
        let image = try PNGDecoder().decode(bytes, file: name)
        let reference = try #require(PNGReference.numbers(at: json(name)))
        #expect(PNGReference.rgba(image) == reference)

        // Most 16-bit files also have a reference for the reduction to 8 bits; rounding may differ by 1.
        guard image.bitDepth == 16, let reference8 = PNGReference.numbers(at: json("\(name)_to8")) else { return }
        let reduced = try PNGDecoder().decode(bytes, file: name, options: DecodingOptions(keep16Bit: false))
        #expect(reduced.bitDepth == 8)
        let ours = PNGReference.rgba(reduced)
        #expect(ours.count == reference8.count)
        #expect(zip(ours, reference8).allSatisfy { abs($0 - $1) <= 1 })
    }

    /// How each corrupt file must fail: the error kind and a phrase of its reason.
    static let expectedFailures: [String: (kind: String, phrase: String)] = [
        "xc1n0g08": ("corrupt", "colour type 1"),
        "xc9n2c08": ("corrupt", "colour type 9"),
        "xcrn0g04": ("corrupt", "signature"),
        "xcsn0g01": ("corrupt", "IDAT chunk: CRC mismatch"),
        "xd0n2c08": ("corrupt", "bit depth 0"),
        "xd3n2c08": ("corrupt", "bit depth 3"),
        "xd9n2c08": ("corrupt", "bit depth 99"),
        "xdtn0g01": ("corrupt", "no IDAT"),
        "xhdn0g08": ("corrupt", "IHDR chunk: CRC mismatch"),
        "xlfn0g04": ("corrupt", "signature"),
        "xs1n0g01": ("corrupt", "signature"),
        "xs2n0g01": ("unknownFormat", ""),
        "xs4n0g01": ("unknownFormat", ""),
        "xs7n0g01": ("corrupt", "signature"),
    ]

    @Test(arguments: corruptNames)
    func rejectsCorruptFile(name: String) throws {
        let bytes = SharedCodecs.bytes(SharedCodecs.pngSuite.appendingPathComponent("\(name).png"))
        let expected = try #require(Self.expectedFailures[name])
        do {
            let image = try PNGDecoder().decode(bytes, file: name)
            Issue.record("\(name) decoded to \(image.width)×\(image.height) instead of failing")
        } catch {
            switch error {
            case .corrupt(let file, let reason):
                #expect(file == name)
                #expect(expected.kind == "corrupt", "\(error)")
                #expect(reason.contains(expected.phrase), "\(reason)")
            case .unknownFormat(let file):
                #expect(file == name)
                #expect(expected.kind == "unknownFormat", "\(error)")
            default:
                Issue.record("unexpected error \(error)")
            }
        }
    }

    @Test(arguments: ["xcsn0g01", "xhdn0g08"])
    func checksumOnlyDamageDecodesWhenWaived(name: String) throws {
        let bytes = SharedCodecs.bytes(SharedCodecs.pngSuite.appendingPathComponent("\(name).png"))
        #expect(throws: ImagingError.self) { try PNGDecoder().decode(bytes, file: name) }
        let image = try PNGDecoder(verifiesChecksums: false).decode(bytes, file: name)
        let reference = try #require(PNGReference.numbers(at: json(name)))
        #expect(PNGReference.rgba(image) == reference)
    }

    @Test func readsFromPath() throws {
        let path = SharedCodecs.pngSuite.appendingPathComponent("basn2c08.png").path
        let image = try PNG.read(path: path)
        #expect(image.width == 32 && image.height == 32 && image.channels == 3 && image.bitDepth == 8)
    }

    private func json(_ name: String) -> URL {
        SharedCodecs.pngSuite.appendingPathComponent("json/\(name).json")
    }
}
