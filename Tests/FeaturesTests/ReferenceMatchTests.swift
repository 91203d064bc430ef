import ArrayFormats
import Foundation
import Imaging
import Testing
@testable import Features

/// The Swift network against the reference features in ../shared, on a handful of real images.
///
/// Needs an optimised build (`swift test -c release`): unoptimised, each
/// 256 × 256 image takes about 40 s. The full-set check (every image of both
/// sets) is `swift run -c release FeaturesBenchmarks match`.
@Suite(.enabled(if: TestEnvironment.hasShared, "../shared is absent: reference-feature checks skipped"),
       .enabled(if: TestEnvironment.weightsPath != nil, TestEnvironment.weightsSkipReason),
       .enabled(if: TestEnvironment.isOptimised,
                "debug build: the real-image match needs `swift test -c release` (about 40 s per image unoptimised)"))
struct ReferenceMatchTests {
    func load(_ path: String) throws -> Image {
        path.hasSuffix(".png") ? try PNG.read(path: path) : try JPEGDecoder.decode(path: path).image
    }

    func cosine(_ a: [Float], _ b: ArraySlice<Float>) -> Double {
        var (dot, na, nb) = (0.0, 0.0, 0.0)
        for (x, y) in zip(a, b) { dot += Double(x) * Double(y); na += Double(x * x); nb += Double(y * y) }
        return dot / (na * nb).squareRoot()
    }

    /// Two train and two test images per set: colour PNG (bottle) and grey JPEG (mtile).
    @Test(arguments: ["bottle", "mtile"])
    func matchesTheReferenceFeatures(set: String) throws {
        let extractor = try #require(TestEnvironment.extractor)
        let folder = TestEnvironment.shared.appendingPathComponent("features/efficientnet-lite0/\(set)")
        var cosines: [Double] = []
        for split in ["train", "test"] {
            let files = try String(contentsOf: folder.appendingPathComponent("\(split)_files.txt"), encoding: .utf8)
                .split(separator: "\n").map(String.init)
            let reference = try NPY.read(path: folder.appendingPathComponent("\(split).npy").path)
            #expect(reference.shape == [files.count, 1280])
            let values = reference.floats()
            let rows = [0, files.count - 1]
            let images = try rows.map { try load(TestEnvironment.shared.appendingPathComponent("datasets/\(set)/\(files[$0])").path) }
            var reported: [Int] = []
            let features = try extractor.features(of: images) { done, total in reported.append(done); #expect(total == 2) }
            #expect(reported == [1, 2])
            for (k, row) in rows.enumerated() { cosines.append(cosine(features.rows.row(k), values[row * 1280..<(row + 1) * 1280])) }
        }
        let mean = cosines.reduce(0, +) / Double(cosines.count)
        #expect(mean >= 0.999 && cosines.min()! >= 0.995, "\(set): cosines \(cosines)")
    }
}
