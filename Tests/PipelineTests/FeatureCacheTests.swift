import Foundation
import Testing
@testable import Pipeline

@Suite struct FeatureCacheTests {
    static func tempDir() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("tk-cache-\(UUID().uuidString)").path
    }

    @Test func hitsAfterStoreAndMissesWhenAnythingChanges() throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let image = dir + "/a.png"
        _ = FileManager.default.createFile(atPath: image, contents: Data([1, 2, 3]))
        let cache = FeatureCache(directory: dir + "/cache")
        #expect(cache.load(image, extractor: "pixels v1", dimension: 3) == nil)
        cache.store([0.5, -1, 2], for: image, extractor: "pixels v1")
        #expect(cache.load(image, extractor: "pixels v1", dimension: 3) == [0.5, -1, 2])
        // Another extractor, another dimension, or a changed file all miss.
        #expect(cache.load(image, extractor: "efficientnet-lite0 sha256:abc v1", dimension: 3) == nil)
        #expect(cache.load(image, extractor: "pixels v1", dimension: 4) == nil)
        _ = FileManager.default.createFile(atPath: image, contents: Data([1, 2, 3, 4]))
        #expect(cache.load(image, extractor: "pixels v1", dimension: 3) == nil)
    }

    @Test func damagedEntriesAreMisses() throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let image = dir + "/b.png"
        _ = FileManager.default.createFile(atPath: image, contents: Data([9]))
        let cache = FeatureCache(directory: dir)
        cache.store([1, 2], for: image, extractor: "x")
        let key = try #require(cache.key(for: image, extractor: "x"))
        _ = FileManager.default.createFile(atPath: cache.entryPath(key), contents: Data("garbage".utf8))
        #expect(cache.load(image, extractor: "x", dimension: 2) == nil)
        #expect(cache.key(for: dir + "/missing.png", extractor: "x") == nil)
    }

    @Test func defaultDirectoryFollowsTheEnvironment() {
        #expect(FeatureCache.defaultDirectory(environment: ["THRESHOLDKIT_CACHE": "/c"]) == "/c")
        #expect(FeatureCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"]) == "/x/thresholdkit")
        #expect(FeatureCache.defaultDirectory(environment: ["HOME": "/h"]) == "/h/.cache/thresholdkit")
    }
}
