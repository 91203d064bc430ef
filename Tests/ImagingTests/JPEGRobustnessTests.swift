import Foundation
import Testing

@testable import Imaging

/// Damaged files never crash or hang: seeded bit flips, byte overwrites and truncations.
struct JPEGRobustnessTests {
    /// Decodes `count` seeded mutations of `original`; each must decode or throw a typed error.
    static func mutate(_ original: [UInt8], seed: UInt64, count: Int) -> (decoded: Int, failed: Int) {
        var random = JPEGTestRandom(state: seed)
        var decoded = 0, failed = 0
        for _ in 0..<count {
            var bytes = original
            switch random.below(3) {
            case 0:
                for _ in 0...random.below(8) {
                    let i = random.below(bytes.count)
                    bytes[i] ^= UInt8(1 << random.below(8))
                }
            case 1:
                bytes = Array(bytes.prefix(random.below(bytes.count)))
            default:
                for _ in 0...random.below(4) {
                    bytes[random.below(bytes.count)] = UInt8(truncatingIfNeeded: random.next())
                }
            }
            do {
                let result = try JPEGDecoder.decode(bytes, file: "mutant.jpg", options: DecodingOptions(maxPixels: 4_000_000))
                #expect(result.image.jpegTestPixels.count == result.image.pixelCount * result.image.channels)
                decoded += 1
            } catch {
                failed += 1
            }
        }
        return (decoded, failed)
    }

    @Test func embeddedFixtureSurvivesMutation() {
        let r = Self.mutate(JPEGFixtures.graySquare, seed: 0x5EED, count: 500)
        #expect(r.decoded + r.failed == 500)
        #expect(r.decoded > 0)
    }

    @Test(.enabled(if: JPEGTestData.isAvailable, JPEGTestData.skipReason),
          arguments: [
              "mozilla/jpg-progressive.jpg", "restarts.jpg", "non-interleaved-mcu.jpg", "16bit-qtables.jpg",
              "partial_progressive.jpg", "mozilla/jpg-cmyk-2.jpg", "progressive-missing-dc.jpg", "mozilla/jpg-size-33x33.jpg",
          ])
    func reftestFilesSurviveMutation(name: String) throws {
        let bytes = try #require(JPEGTestData.bytes(JPEGTestData.path("codecs/jpeg/reftest/images/" + name)))
        let r = Self.mutate(bytes, seed: UInt64(truncatingIfNeeded: name.utf8.reduce(7) { $0 &* 31 &+ Int($1) }), count: 200)
        #expect(r.decoded + r.failed == 200)
    }
}
