import Foundation
import Testing

@testable import Imaging
import TestSupport

/// The JPEG conformance data in ../shared (or `THRESHOLDKIT_SHARED`), when present beside the package.
enum JPEGTestData {
    static let root: URL = SharedReference.root

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static var jpegRoot: String { path("codecs/jpeg") }
    static var manifestPath: String { path("codecs/jpeg/djpeg-reference/MANIFEST.tsv") }

    static var isAvailable: Bool { FileManager.default.fileExists(atPath: manifestPath) }
    static var mtileAvailable: Bool { FileManager.default.fileExists(atPath: path("datasets/mtile")) }

    static let skipReason: Comment = "../shared is absent, so the JPEG conformance checks were skipped"

    /// One MANIFEST.tsv row: the JPEG, its djpeg PNM (nil when djpeg failed) and djpeg's outcome.
    struct ManifestRow: Sendable, CustomStringConvertible {
        var jpeg: String
        var pnm: String?
        var status: String
        var message: String

        var isFailure: Bool { status.hasPrefix("failed") }
        var isWarning: Bool { status.hasPrefix("warning") }
        var description: String { jpeg }
    }

    static func manifest() -> [ManifestRow] {
        guard let text = try? String(contentsOfFile: manifestPath, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 3 else { return nil }
            return ManifestRow(jpeg: f[0], pnm: f[1] == "-" ? nil : f[1], status: f[2], message: f.count > 4 ? f[4] : "")
        }
    }

    static func bytes(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    /// Every .jpg under `directory`, sorted so samples are deterministic.
    static func jpegFiles(under directory: String) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: directory) else { return [] }
        return e.compactMap { $0 as? String }.filter { $0.lowercased().hasSuffix(".jpg") }.sorted()
            .map { directory + "/" + $0 }
    }
}

/// A binary PNM (P5 grey or P6 RGB, maxval 255), as djpeg writes them.
struct JPEGReferencePNM: Equatable {
    var width: Int
    var height: Int
    var channels: Int
    var pixels: [UInt8]

    init?(bytes: [UInt8]) {
        var i = 0
        func token() -> String? {
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "#") {
                    while i < bytes.count, bytes[i] != 10 { i += 1 }
                } else if bytes[i] == 32 || (9...13).contains(bytes[i]) {
                    i += 1
                } else {
                    break
                }
            }
            let start = i
            while i < bytes.count, !(bytes[i] == 32 || (9...13).contains(bytes[i])) { i += 1 }
            return start < i ? String(decoding: bytes[start..<i], as: UTF8.self) : nil
        }
        guard let magic = token(), magic == "P5" || magic == "P6",
            let w = token().flatMap(Int.init), let h = token().flatMap(Int.init),
            let maxval = token().flatMap(Int.init), maxval == 255
        else { return nil }
        i += 1  // the single whitespace byte before the raster
        channels = magic == "P5" ? 1 : 3
        width = w
        height = h
        let count = w * h * channels
        guard bytes.count - i >= count else { return nil }
        pixels = Array(bytes[i..<(i + count)])
    }
}

/// How far a decode is from a reference raster.
struct JPEGPixelDifference {
    var maximum: Int
    var mean: Double
    var differing: Int

    init(_ a: [UInt8], _ b: [UInt8]) {
        var maximum = 0, total = 0, differing = 0
        for (x, y) in zip(a, b) {
            let d = abs(Int(x) - Int(y))
            maximum = max(maximum, d)
            total += d
            if d != 0 { differing += 1 }
        }
        self.maximum = maximum
        self.mean = a.isEmpty ? 0 : Double(total) / Double(a.count)
        self.differing = differing
    }
}

/// A small seeded generator (xorshift64*) so robustness cases are the same on every run.
struct JPEGTestRandom {
    var state: UInt64

    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 2_685_821_657_736_338_717
    }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
}

extension Image {
    /// The 8-bit samples (every JPEG decode is 8-bit).
    var jpegTestPixels: [UInt8] {
        if case .uint8(let p) = samples { return p }
        return []
    }
}
