import DeflateCodec
import Randomness
import Testing
@testable import Features

@Suite struct ZipArchiveTests {
    let text = Array("hello, zip ".utf8) + [UInt8](repeating: 0x41, count: 500)
    let binary = (0..<3000).map { UInt8(truncatingIfNeeded: $0 * 7919 >> 3) }

    @Test func readsStoredAndDeflatedEntries() throws {
        let bytes = zipArchive([("a/stored.txt", text, false), ("b/packed.bin", binary, true), ("empty", [], false)])
        let zip = try ZipArchive(bytes: bytes, source: "t.zip")
        #expect(zip.entries.map(\.name) == ["a/stored.txt", "b/packed.bin", "empty"])
        #expect(zip.entries[1].method == 8 && zip.entries[1].compressedSize < binary.count)
        #expect(try zip.contents(ofEntryNamed: "a/stored.txt") == text)
        #expect(try zip.contents(ofEntryNamed: "b/packed.bin") == binary)
        #expect(try zip.contents(ofEntryNamed: "empty") == [])
        #expect(ZipArchive.looksLikeZip(bytes))
        #expect(!ZipArchive.looksLikeZip([0x80, 2]))
    }

    @Test func findsTheEndRecordBehindAComment() throws {
        let zip = try ZipArchive(bytes: zipArchive([("x", text, true)], comment: "PK\u{5}\u{6} a comment with a fake signature"), source: "c.zip")
        #expect(try zip.contents(ofEntryNamed: "x") == text)
    }

    @Test func rejectsACorruptedEntryByItsCRC() throws {
        var bytes = zipArchive([("a.txt", text, false)])
        bytes[30 + 5 + 20] ^= 0xFF  // a data byte after the 30-byte header and the 5-byte name
        let zip = try ZipArchive(bytes: bytes, source: "crc.zip")
        #expect(throws: FeaturesError.badZip(source: "crc.zip", reason: "entry `a.txt` fails its CRC-32 check")) {
            try zip.contents(ofEntryNamed: "a.txt")
        }
    }

    @Test func namesUnsupportedFeatures() throws {
        // Method 12 (bzip2) in both headers.
        var bzip = zipArchive([("a", text, false)])
        bzip[8] = 12
        let cd = bzip.count - 22 - 47
        bzip[cd + 10] = 12
        let zip = try ZipArchive(bytes: bzip, source: "m.zip")
        #expect(throws: FeaturesError.self) { try zip.contents(ofEntryNamed: "a") }
        do { _ = try zip.contents(ofEntryNamed: "a") } catch { #expect("\(error)".contains("compression method 12")) }

        // An encrypted entry.
        var encrypted = zipArchive([("a", text, false)])
        encrypted[cd + 8] = 1
        do { _ = try ZipArchive(bytes: encrypted, source: "e.zip").contents(ofEntryNamed: "a"); Issue.record("accepted") }
        catch { #expect("\(error)".contains("encrypted")) }

        // Zip64 markers in the end record.
        var zip64 = zipArchive([("a", text, false)])
        for i in 0..<4 { zip64[zip64.count - 6 + i] = 0xFF }
        #expect(throws: FeaturesError.badZip(source: "z.zip", reason: "zip64 archives are not supported")) {
            try ZipArchive(bytes: zip64, source: "z.zip")
        }
        #expect(throws: FeaturesError.self) { try ZipArchive(bytes: bzip, source: "m.zip").contents(ofEntryNamed: "missing") }
    }

    @Test func enforcesTheSizeLimit() throws {
        let zip = try ZipArchive(bytes: zipArchive([("big", binary, true)]), source: "l.zip", maxEntrySize: 1000)
        do { _ = try zip.contents(ofEntryNamed: "big"); Issue.record("accepted") }
        catch { #expect("\(error)".contains("over the 1000-byte limit")) }
    }

    @Test func rejectsNonZipsAndTruncations() {
        #expect(throws: FeaturesError.self) { try ZipArchive(bytes: [], source: "empty") }
        #expect(throws: FeaturesError.self) { try ZipArchive(bytes: Array("not a zip at all, just some text".utf8), source: "t") }
        let bytes = zipArchive([("a", text, true), ("b", binary, false)])
        for cut in [1, 10, 22, 40, bytes.count / 2] {
            #expect(throws: FeaturesError.self) {
                let zip = try ZipArchive(bytes: Array(bytes.dropLast(cut)), source: "cut")
                for e in zip.entries { _ = try zip.contents(of: e) }
            }
        }
    }

    /// Random damage must end in a typed error or a checked result, never a trap.
    @Test func survivesRandomDamage() {
        let original = zipArchive([("a", text, true), ("b", binary, false), ("c", binary, true)])
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<(400 * TestEnvironment.fuzzScale) {
            var bytes = original
            for _ in 0..<(1 + rng.nextInt(below: 4)) {
                bytes[rng.nextInt(below: bytes.count)] = UInt8(truncatingIfNeeded: rng.next())
            }
            if rng.nextInt(below: 4) == 0 { bytes = Array(bytes.prefix(rng.nextInt(below: bytes.count))) }
            guard let zip = try? ZipArchive(bytes: bytes, source: "fuzz", maxEntrySize: 1 << 20) else { continue }
            for e in zip.entries {
                if let data = try? zip.contents(of: e) { #expect(CRC32.checksum(data) == e.crc32) }
            }
        }
    }
}
