import Foundation
import Imaging
import Randomness
import Testing

/// Encode → decode round trips for every colour type and depth the encoder writes.
struct PNGRoundTripTests {
    static let shapes = [(1, 1), (7, 3), (33, 17), (64, 48)]

    @Test(arguments: [1, 2, 3, 4], [8, 16])
    func roundTrip(channels: Int, bitDepth: Int) throws {
        var generator = SeededGenerator(seed: UInt64(channels * 100 + bitDepth))
        for (width, height) in Self.shapes {
            let count = width * height * channels
            // Smooth gradients with noise: every filter type gets chosen somewhere.
            let values = (0..<count).map { index -> Int in
                let x = index / channels % width
                let y = index / channels / width
                return (x * 5 + y * 3 + index % channels * 40) + Int.random(in: 0...3, using: &generator)
            }
            let image = bitDepth == 8
                ? Image(width: width, height: height, channels: channels, pixels: values.map { UInt8($0 & 0xFF) })
                : Image(width: width, height: height, channels: channels, pixels16: values.map { UInt16($0 * 157 & 0xFFFF) })
            for level in [0, 1, 6, 9] {
                let encoded = try PNGEncoder(compressionLevel: level).encode(image)
                #expect(try PNGDecoder().decode(encoded) == image, "\(width)×\(height) level \(level)")
            }
            if bitDepth == 16, case .uint16(let samples) = image.samples {
                let reduced = try PNGDecoder().decode(PNGEncoder().encode(image), options: DecodingOptions(keep16Bit: false))
                #expect(reduced.samples == .uint8(samples.map { UInt8((Int($0) + 128) / 257) }))
            }
        }
    }

    @Test func writesAtomicallyAndReadsBack() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("png-roundtrip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("image.png").path
        let image = Image(width: 3, height: 2, channels: 2, pixels: [0, 255, 10, 128, 20, 0, 30, 1, 40, 2, 50, 3])
        try PNG.write(image, to: path)
        try PNG.write(image, to: path)  // Replaces the file.
        #expect(try PNG.read(path: path) == image)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["image.png"])
        #expect(throws: ImagingError.unreadable(file: directory.appendingPathComponent("missing.png").path, reason: "no such file")) {
            try PNG.read(path: directory.appendingPathComponent("missing.png").path)
        }
        #expect(throws: ImagingError.self) {
            try PNG.write(image, to: directory.appendingPathComponent("no/such/dir.png").path)
        }
    }

    @Test func refusesImagesItCannotEncode() {
        var image = Image(width: 2, height: 2, channels: 1, pixels: [1, 2, 3, 4])
        image.width = 3
        #expect(throws: ImagingError.self) { try PNGEncoder().encode(image) }
        let empty = Image(width: 0, height: 0, channels: 1, pixels: [])
        #expect(throws: ImagingError.self) { try PNGEncoder().encode(empty) }
        // Sizes whose sample count overflows are refused, not trapped on.
        var huge = Image(width: 1, height: 1, channels: 4, pixels: [1, 2, 3, 4])
        huge.width = 0x7FFF_FFFF
        huge.height = 0x7FFF_FFFF
        #expect(throws: ImagingError.self) { try PNGEncoder().encode(huge) }
    }

    @Test func compressesRealisticContent() throws {
        // A smooth 256×256 RGB gradient shrinks far below its raw size.
        var pixels: [UInt8] = []
        for y in 0..<256 { for x in 0..<256 { pixels += [UInt8(x), UInt8(y), UInt8((x + y) / 2)] } }
        let image = Image(width: 256, height: 256, channels: 3, pixels: pixels)
        let encoded = try PNGEncoder().encode(image)
        #expect(encoded.count < pixels.count / 20)
        #expect(try PNG.decode(encoded) == image)
    }
}
