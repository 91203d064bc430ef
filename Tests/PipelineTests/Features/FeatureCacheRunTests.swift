import Foundation
import Testing
import TestSupport
@testable import Pipeline

@Suite struct FeatureCacheRunTests {
    /// One 2×2 grey PGM per value, all pixels equal to it, named 0.pgm, 1.pgm, …
    static func images(in dir: String, values: [UInt8]) throws -> [String] {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return try values.enumerated().map { i, v in
            let path = dir + "/\(i).pgm"
            try Data(Array("P5\n2 2\n255\n".utf8) + [v, v, v, v]).write(to: URL(fileURLWithPath: path))
            return path
        }
    }

    /// The cache folder cannot be made (a file is in the way): one warning over two extractions, right features.
    @Test func anUnwritableFolderWarnsOnceAndTheFeaturesAreStillRight() throws {
        let folder = try TemporaryFolder(prefix: "tk-cache-run"), dir = folder.path
        defer { withExtendedLifetime(folder) {} }
        let images = try Self.images(in: dir + "/images", values: [10, 20, 30])
        #expect(FileManager.default.createFile(atPath: dir + "/file", contents: Data()))
        let cache = FeatureCache(directory: dir + "/file/cache")
        let copy = cache  // the jobs of one command each hold a copy: still one run
        let extractor = try ExtractorFixtures.pixels(2)
        let first = try FeatureTable.extract(Array(images.prefix(2)), extractor: extractor, cache: cache, unreadable: .fail)
        let second = try FeatureTable.extract(images, extractor: extractor, cache: copy, unreadable: .fail)
        let warnings = first.warnings + second.warnings
        #expect(warnings == ["the feature cache \(dir)/file/cache cannot be written (Not a directory); continuing without caching"])
        #expect(cache.writeFailure == "Not a directory")
        let expected: [Float] = [10, 20, 30].flatMap { v in [Float](repeating: Float(v) / 255, count: 4) }
        #expect(second.batch.count == 3)
        #expect(zip(second.batch.rows.elements, expected).allSatisfy { abs($0 - $1) < 1e-6 })
        #expect(second.batch == (try FeatureTable.extract(images, extractor: extractor, cache: nil, unreadable: .fail).batch))
        // Another run warns again.
        let again = try FeatureTable.extract(images, extractor: extractor, cache: FeatureCache(directory: cache.directory), unreadable: .fail)
        #expect(again.warnings.count == 1)
    }

    /// A read-only folder (permissions do not bind root, so this runs only for other users).
    @Test(.enabled(if: getuid() != 0, "root writes into read-only folders"))
    func aReadOnlyFolderWarnsOnceAndStillServesHits() throws {
        let folder = try TemporaryFolder(prefix: "tk-cache-run"), dir = folder.path
        defer { withExtendedLifetime(folder) { _ = chmod(dir + "/cache", 0o755) } }  // so the folder's removal can empty it
        let images = try Self.images(in: dir + "/images", values: [10, 20, 30])
        let extractor = try ExtractorFixtures.pixels(2)
        _ = try FeatureTable.extract([images[0]], extractor: extractor, cache: FeatureCache(directory: dir + "/cache"), unreadable: .fail)
        #expect(chmod(dir + "/cache", 0o555) == 0)
        let cache = FeatureCache(directory: dir + "/cache")
        let table = try FeatureTable.extract(images, extractor: extractor, cache: cache, unreadable: .fail)
        #expect(table.warnings.count == 1)
        #expect(table.warnings.first?.contains(dir + "/cache cannot be written") == true)
        #expect(table.batch == (try FeatureTable.extract(images, extractor: extractor, cache: nil, unreadable: .fail).batch))
        #expect(cache.entryFiles().count == 1)
    }

    /// A run that writes nothing (every image a hit) does not evict, even over the cap.
    @Test func aRunWithOnlyHitsDoesNotEvict() throws {
        let folder = try TemporaryFolder(prefix: "tk-cache-run"), dir = folder.path
        defer { withExtendedLifetime(folder) {} }
        let images = try Self.images(in: dir + "/images", values: [10, 20])
        let extractor = try ExtractorFixtures.pixels(2)
        _ = try FeatureTable.extract(images, extractor: extractor, cache: FeatureCache(directory: dir + "/cache"), unreadable: .fail)
        let capped = FeatureCache(directory: dir + "/cache", maxBytes: 0)
        let table = try FeatureTable.extract(images, extractor: extractor, cache: capped, unreadable: .fail)
        #expect(table.batch.count == 2)
        #expect(capped.entryFiles().count == 2)
        // Once it writes (a new image), the cap applies to everything.
        let more = try Self.images(in: dir + "/more", values: [30])
        _ = try FeatureTable.extract(more, extractor: extractor, cache: capped, unreadable: .fail)
        #expect(capped.entryFiles().isEmpty)
    }
}
