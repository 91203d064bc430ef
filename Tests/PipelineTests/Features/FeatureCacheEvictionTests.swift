import Foundation
import LinearAlgebra
import Testing
import TestSupport
@testable import Pipeline

@Suite struct FeatureCacheEvictionTests {
    typealias Folder = TemporaryFolder

    static let vector = FeatureBatch(vectors: Matrix(rows: 1, columns: 3, elements: [0.5, -1, 2]))
    static func key(_ i: Int) -> String { FeatureCache.key(contents: [UInt8(i)], extractor: "x") }
    static func file(_ i: Int) -> String { key(i) + ".tkf" }

    static func setTime(_ path: String, _ seconds: Double) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: seconds)], ofItemAtPath: path)
    }

    static func modificationTime(_ path: String) throws -> Double {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date).timeIntervalSince1970
    }

    /// Writes entries 0..<times.count, entry i last used at times[i] seconds; returns one entry's size in bytes.
    static func fill(_ folder: Folder, times: [Double]) throws -> Int {
        let cache = FeatureCache(directory: folder.path, maxBytes: .max)
        for (i, t) in times.enumerated() {
            #expect(cache.store(vector, key: key(i)) == nil)
            try setTime(cache.entryPath(key(i)), t)
        }
        let sizes = cache.entryFiles().map(\.bytes)
        #expect(sizes.count == times.count && Set(sizes).count == 1, "every entry of one shape has one size")
        return try #require(sizes.first)
    }

    @Test func evictsTheLeastRecentlyUsedEntriesUntilTheRestFitTheCap() throws {
        let folder = try Folder()
        // Last used: entry 3 first, then 1, 4, 0 and 2.
        let size = try Self.fill(folder, times: [4000, 2000, 5000, 1000, 3000])
        let cache = FeatureCache(directory: folder.path, maxBytes: 2 * size + size / 2)
        let eviction = cache.evictLeastRecentlyUsed()
        #expect(eviction.removed == [Self.file(3), Self.file(1), Self.file(4)])
        #expect(eviction.remainingBytes == 2 * size)
        #expect(folder.names == [Self.file(0), Self.file(2)])
        // Under the cap, nothing more goes; a cap of exactly the total keeps everything.
        #expect(cache.evictLeastRecentlyUsed() == .init(removed: [], remainingBytes: 2 * size))
        #expect(FeatureCache(directory: folder.path, maxBytes: 2 * size).evictLeastRecentlyUsed().removed.isEmpty)
        #expect(FeatureCache(directory: folder.path, maxBytes: 2 * size - 1).evictLeastRecentlyUsed().removed == [Self.file(0)])
        #expect(FeatureCache(directory: folder.path, maxBytes: 0).evictLeastRecentlyUsed().removed == [Self.file(2)])
        #expect(folder.names.isEmpty)
    }

    @Test func equalTimesAreEvictedInNameOrder() throws {
        let folder = try Folder()
        let size = try Self.fill(folder, times: [1000, 1000, 1000])
        let byName = (0..<3).map(Self.file).sorted()
        let eviction = FeatureCache(directory: folder.path, maxBytes: size).evictLeastRecentlyUsed()
        #expect(eviction.removed == Array(byName.prefix(2)))
        #expect(folder.names == [byName[2]])
    }

    @Test func aHitMakesItsEntryTheMostRecentlyUsed() throws {
        let folder = try Folder()
        let size = try Self.fill(folder, times: [1000, 2000, 3000])
        let cache = FeatureCache(directory: folder.path, maxBytes: 2 * size)
        #expect(cache.load(Self.key(0), dimension: 3) == Self.vector)
        #expect(try Self.modificationTime(cache.entryPath(Self.key(0))) > 3000)
        // A miss (wrong dimension) does not count as a use.
        #expect(cache.load(Self.key(1), dimension: 4) == nil)
        #expect(try Self.modificationTime(cache.entryPath(Self.key(1))) == 2000)
        #expect(cache.evictLeastRecentlyUsed().removed == [Self.file(1)])
        #expect(folder.names == [Self.file(0), Self.file(2)])
    }

    @Test func foreignFilesAreNeitherCountedNorDeleted() throws {
        let folder = try Folder()
        let size = try Self.fill(folder, times: [2000, 1000])
        let fm = FileManager.default
        let hex = Self.key(9)
        let foreign: [String: String] = [
            "notes.txt": String(repeating: "x", count: 20 * size),   // larger than the cap on its own
            hex.uppercased() + ".tkf": "upper case", hex + ".tkf.bak": "backup", hex + ".npy": "other extension",
            String(hex.dropLast()) + ".tkf": "63 digits", "g" + hex.dropFirst() + ".tkf": "not hex",
            "." + hex + ".tkf.0C1D.tmp": "half written",
        ]
        for (name, text) in foreign {
            #expect(fm.createFile(atPath: folder.path + "/" + name, contents: Data(text.utf8)))
            try Self.setTime(folder.path + "/" + name, 1)
        }
        // A folder and a link named exactly like entries.
        let entryNamedFolder = folder.path + "/" + Self.file(7)
        try fm.createDirectory(atPath: entryNamedFolder, withIntermediateDirectories: false)
        #expect(fm.createFile(atPath: entryNamedFolder + "/inside", contents: Data("kept".utf8)))
        try fm.createSymbolicLink(atPath: folder.path + "/" + Self.file(8), withDestinationPath: folder.path + "/notes.txt")

        let eviction = FeatureCache(directory: folder.path, maxBytes: size).evictLeastRecentlyUsed()
        #expect(eviction.removed == [Self.file(1)])
        #expect(eviction.remainingBytes == size)
        #expect(FeatureCache(directory: folder.path, maxBytes: 0).evictLeastRecentlyUsed().removed == [Self.file(0)])
        for (name, text) in foreign {
            #expect(fm.contents(atPath: folder.path + "/" + name) == Data(text.utf8), "\(name) changed")
        }
        #expect(fm.contents(atPath: entryNamedFolder + "/inside") == Data("kept".utf8))
        #expect(try fm.destinationOfSymbolicLink(atPath: folder.path + "/" + Self.file(8)) == folder.path + "/notes.txt")
        #expect(folder.names == Set(foreign.keys).union([Self.file(7), Self.file(8)]))
    }

    @Test func aMissingFolderHasNothingToEvict() {
        let cache = FeatureCache(directory: "/nonexistent/tk-cache-\(UUID().uuidString)", maxBytes: 0)
        #expect(cache.evictLeastRecentlyUsed() == .init(removed: [], remainingBytes: 0))
    }

    /// Extraction evicts once it has written: with room for two entries, three new images leave two.
    @Test func extractionEvictsDownToTheCapAfterWriting() throws {
        let folder = try Folder()
        let images = try FeatureCacheRunTests.images(in: folder.path + "/images", values: [10, 20, 30])
        let extractor = try ExtractorFixtures.pixels(2)
        let probe = FeatureCache(directory: folder.path + "/probe")
        _ = try FeatureTable.extract([images[0]], extractor: extractor, cache: probe, unreadable: .fail)
        let size = try #require(probe.entryFiles().first?.bytes)

        let cache = FeatureCache(directory: folder.path + "/cache", maxBytes: 2 * size)
        let table = try FeatureTable.extract(images, extractor: extractor, cache: cache, unreadable: .fail)
        #expect(table.warnings.isEmpty)
        #expect(table.batch == (try FeatureTable.extract(images, extractor: extractor, cache: nil, unreadable: .fail).batch))
        #expect(cache.entryFiles().count == 2)
    }
}
