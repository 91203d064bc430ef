import Foundation
import Testing

@testable import Imaging

/// Every reftest JPEG against libjpeg-turbo 2.1.5's default djpeg output.
@Suite(.enabled(if: JPEGTestData.isAvailable, JPEGTestData.skipReason))
struct JPEGConformanceTests {
    @Test func decodableRowsMatchDjpeg() throws {
        let rows = JPEGTestData.manifest().filter { !$0.isFailure }
        #expect(rows.count >= 36)
        var exact = 0
        var withinTolerance = 0
        for row in rows {
            let jpeg = JPEGTestData.path("codecs/jpeg/" + row.jpeg)
            guard let pnmName = row.pnm,
                let bytes = JPEGTestData.bytes(jpeg),
                let pnmBytes = JPEGTestData.bytes(JPEGTestData.path("codecs/jpeg/djpeg-reference/" + pnmName)),
                let reference = JPEGReferencePNM(bytes: pnmBytes)
            else {
                Issue.record("\(row.jpeg): missing test data")
                continue
            }
            let decoded: DecodedImage
            do {
                decoded = try JPEGDecoder.decode(bytes, file: row.jpeg)
            } catch {
                Issue.record("\(row.jpeg): \(error)")
                continue
            }
            let image = decoded.image
            #expect(image.width == reference.width && image.height == reference.height, "\(row.jpeg): size")
            #expect(image.channels == reference.channels, "\(row.jpeg): channels")
            guard image.jpegTestPixels.count == reference.pixels.count else { continue }
            let d = JPEGPixelDifference(image.jpegTestPixels, reference.pixels)
            #expect(d.mean <= 1 && d.maximum <= 3, "\(row.jpeg): max \(d.maximum), mean \(d.mean)")
            if d.maximum == 0 { exact += 1 }
            if d.mean <= 1, d.maximum <= 3 { withinTolerance += 1 }
            if row.isWarning {
                #expect(!decoded.warnings.isEmpty, "\(row.jpeg): libjpeg warns '\(row.message)'")
            }
        }
        print("JPEG conformance: \(exact) exact, \(withinTolerance) within tolerance, of \(rows.count) djpeg references")
        // Every reference decodes bit-exactly today; keep it that way.
        #expect(exact == rows.count)
    }

    @Test func filesDjpegRefusesThrowTypedErrors() {
        let rows = JPEGTestData.manifest().filter(\.isFailure)
        #expect(rows.count >= 12)
        for row in rows {
            guard let bytes = JPEGTestData.bytes(JPEGTestData.path("codecs/jpeg/" + row.jpeg)) else {
                Issue.record("\(row.jpeg): missing")
                continue
            }
            do {
                _ = try JPEGDecoder.decode(bytes, file: row.jpeg)
                Issue.record("\(row.jpeg): decoded, but djpeg refuses it (\(row.message))")
            } catch {
                switch error {
                case .unsupported, .corrupt: break
                default: Issue.record("\(row.jpeg): unexpected \(error)")
                }
            }
        }
    }

    @Test func losslessFilesAreUnsupportedNotCorrupt() throws {
        let path = JPEGTestData.path("codecs/jpeg/reftest/images/lossless/1/jpeg_lossless_sel1.jpg")
        let bytes = try #require(JPEGTestData.bytes(path))
        #expect {
            _ = try JPEGDecoder.decode(bytes, file: "sel1")
        } throws: { error in
            guard let e = error as? ImagingError, case .unsupported = e else { return false }
            return true
        }
    }

    @Test func decodeFromPathMatchesDecodeFromBytes() throws {
        let path = JPEGTestData.path("codecs/jpeg/reftest/images/restarts.jpg")
        let bytes = try #require(JPEGTestData.bytes(path))
        let a = try JPEGDecoder.decode(path: path)
        let b = try JPEGDecoder.decode(bytes, file: path)
        #expect(a == b)
    }
}
