import Foundation
import Testing
import TestSupport

/// The codec conformance suites in ../shared/codecs, when present beside the package.
///
/// Tests that need them are disabled with a visible reason when they are absent,
/// so a fresh clone without ../shared still passes and says what it skipped.
enum SharedCodecs {
    static let root: URL = SharedReference.root

    /// The PngSuite folder (PNG files plus `json/` reference decodes).
    static let pngSuite = root.appendingPathComponent("codecs/pngsuite")

    static var isPNGSuiteAvailable: Bool {
        FileManager.default.fileExists(atPath: pngSuite.appendingPathComponent("json/basn0g01.json").path)
    }

    static let skipReason: Comment = "../shared is absent: codec conformance suites skipped"

    /// PngSuite file names without extension, sorted; empty when the suite is absent.
    static func pngSuiteNames(corrupt: Bool) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: pngSuite.path)) ?? []
        return files.filter { $0.hasSuffix(".png") && $0 != "PngSuite.png" && $0.hasPrefix("x") == corrupt }
            .map { String($0.dropLast(4)) }
            .sorted()
    }

    static func bytes(_ url: URL) -> [UInt8] {
        (try? Data(contentsOf: url)).map { [UInt8]($0) } ?? []
    }
}
