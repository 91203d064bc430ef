import Foundation
import LinearAlgebra
import Testing
@testable import Pipeline

@Suite struct FeatureCacheTests {
    static func tempDir() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("tk-cache-\(UUID().uuidString)").path
    }

    static let vector = FeatureBatch(vectors: Matrix(rows: 1, columns: 3, elements: [0.5, -1, 2]))

    @Test func hitsAfterStoreAndMissesWhenContentOrExtractorChanges() throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cache = FeatureCache(directory: dir + "/cache")
        let key = FeatureCache.key(contents: [1, 2, 3], extractor: "pixels v1")
        #expect(cache.load(key, dimension: 3) == nil)
        #expect(cache.store(Self.vector, key: key) == nil)
        #expect(cache.load(key, dimension: 3) == Self.vector)
        // Another extractor, another dimension, or other bytes (same size) all miss.
        #expect(cache.load(FeatureCache.key(contents: [1, 2, 3], extractor: "efficientnet-lite0 v1"), dimension: 3) == nil)
        #expect(cache.load(key, dimension: 4) == nil)
        #expect(cache.load(FeatureCache.key(contents: [1, 2, 4], extractor: "pixels v1"), dimension: 3) == nil)
    }

    @Test func patchGridsKeepTheirShapeAndInputSize() throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cache = FeatureCache(directory: dir)
        let grid = FeatureBatch(rows: Matrix(rows: 6, columns: 2, elements: (0..<12).map(Float.init)),
                                grids: [.init(height: 2, width: 3, inputHeight: 16, inputWidth: 24)])
        let key = FeatureCache.key(contents: [7], extractor: "patches")
        #expect(cache.store(grid, key: key) == nil)
        #expect(cache.load(key, dimension: 2) == grid)
    }

    @Test func damagedEntriesAreMissesAndUnwritableCachesSayWhy() throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cache = FeatureCache(directory: dir)
        let key = FeatureCache.key(contents: [9], extractor: "x")
        #expect(cache.store(Self.vector, key: key) == nil)
        _ = FileManager.default.createFile(atPath: cache.entryPath(key), contents: Data("garbage".utf8))
        #expect(cache.load(key, dimension: 3) == nil)
        _ = FileManager.default.createFile(atPath: dir + "/file", contents: Data())
        let blocked = FeatureCache(directory: dir + "/file/cache")
        #expect(blocked.store(Self.vector, key: key) != nil)
    }

    /// Content replaced behind an unchanged size and modification time (`cp -p`) misses the cache.
    @Test func extractionKeysOnContentNotOnSizeAndTime() throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let image = dir + "/a.pgm"
        func write(_ value: UInt8) throws {
            try Data(Array("P5\n2 2\n255\n".utf8) + [value, value, value, value]).write(to: URL(fileURLWithPath: image))
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: image)
        }
        let cache = FeatureCache(directory: dir + "/cache")
        let extractor = try ExtractorFixtures.pixels(2)
        try write(10)
        let first = try FeatureTable.extract([image], extractor: extractor, cache: cache, unreadable: .fail).batch
        try write(200)
        let second = try FeatureTable.extract([image], extractor: extractor, cache: cache, unreadable: .fail).batch
        #expect(first.rows.elements.allSatisfy { abs($0 - 10.0 / 255) < 1e-6 })
        #expect(second.rows.elements.allSatisfy { abs($0 - 200.0 / 255) < 1e-6 })
    }

    @Test func defaultDirectoryFollowsTheEnvironment() {
        #expect(FeatureCache.defaultDirectory(environment: ["THRESHOLDKIT_CACHE": "/c"]) == "/c")
        #expect(FeatureCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"]) == "/x/thresholdkit")
        #expect(FeatureCache.defaultDirectory(environment: ["HOME": "/h"]) == "/h/.cache/thresholdkit")
    }
}
