import Foundation
import Testing

@testable import Imaging

/// Real camera JPEGs (the magnetic-tile dataset) decode cleanly.
@Suite(.enabled(if: JPEGTestData.mtileAvailable, JPEGTestData.skipReason))
struct JPEGDatasetTests {
    @Test func mtileImagesDecodeWithoutWarnings() {
        let files = JPEGTestData.jpegFiles(under: JPEGTestData.path("datasets/mtile"))
        #expect(files.count > 1000)
        for file in files {
            guard let bytes = JPEGTestData.bytes(file) else {
                Issue.record("\(file): unreadable")
                continue
            }
            do {
                let decoded = try JPEGDecoder.decode(bytes, file: file)
                #expect(decoded.warnings.isEmpty, "\(file): \(decoded.warnings)")
                #expect(decoded.image.pixelCount > 0)
            } catch {
                Issue.record("\(file): \(error)")
            }
        }
    }
}
