import Randomness
import Testing
@testable import Features

/// Damaged checkpoints in every container must end in a ``FeaturesError`` or a
/// consistent result, never a trap, a hang or a huge allocation.
@Suite struct CheckpointFuzzTests {
    let tensors = [
        FixtureTensor(name: "a.weight", storageKey: "0", storageCount: 12, shape: [3, 4]),
        FixtureTensor(name: "a.t", storageKey: "0", storageCount: 12, offset: 2, shape: [2, 3], strides: [1, 4]),
        FixtureTensor(name: "n", storageKey: "1", type: .int64, storageCount: 1, shape: []),
    ]
    let storages: [(key: String, type: TorchScalarType, values: [Double])] = [
        ("0", .float32, (0..<12).map(Double.init)), ("1", .int64, [5]),
    ]

    func damage(_ original: [UInt8], _ rng: inout SeededGenerator) -> [UInt8] {
        var bytes = original
        for _ in 0..<(1 + rng.nextInt(below: 3)) {
            bytes[rng.nextInt(below: bytes.count)] = UInt8(truncatingIfNeeded: rng.next())
        }
        if rng.nextInt(below: 6) == 0 { bytes = Array(bytes.prefix(rng.nextInt(below: bytes.count))) }
        return bytes
    }

    func consistent(_ c: TorchCheckpoint) -> Bool {
        c.keys.count == c.tensors.count && c.tensors.values.allSatisfy { t in
            switch t.elements {
            case .float32(let v): return v.count == t.count
            case .int64(let v): return v.count == t.count
            }
        }
    }

    @Test func legacyFiles() {
        let original = legacyCheckpoint(tensors, storages: storages)
        var rng = SeededGenerator(seed: 21)
        for _ in 0..<(1500 * TestEnvironment.fuzzScale) {
            if let c = try? TorchCheckpoint(bytes: damage(original, &rng), source: "fuzz") { #expect(consistent(c)) }
        }
    }

    @Test func zipFormatFilesAndWheels() {
        var entries: [(name: String, data: [UInt8], deflate: Bool)] = [("m/data.pkl", stateDictPickle(tensors, legacyView: false), false)]
        for s in storages { entries.append(("m/data/\(s.key)", storageBytes(s.values, type: s.type), false)) }
        let zipFormat = zipArchive(entries)
        let wheel = zipArchive([("pkg/w.pth", legacyCheckpoint(tensors, storages: storages), true)])
        var rng = SeededGenerator(seed: 22)
        for original in [zipFormat, wheel] {
            for _ in 0..<(700 * TestEnvironment.fuzzScale) {
                if let c = try? TorchCheckpoint(bytes: damage(original, &rng), source: "fuzz") { #expect(consistent(c)) }
            }
        }
    }

    /// Shapes and strides chosen to overflow or reach outside the storage are refused.
    @Test func hostileViews() {
        let cases: [FixtureTensor] = [
            FixtureTensor(name: "huge", storageKey: "0", storageCount: 12, shape: [1 << 20, 1 << 20], strides: [0, 0]),
            FixtureTensor(name: "far", storageKey: "0", storageCount: 12, shape: [2], strides: [1 << 40]),
            FixtureTensor(name: "neg", storageKey: "0", storageCount: 12, offset: 0, shape: [3], strides: [-1]),
            FixtureTensor(name: "past", storageKey: "0", storageCount: 12, offset: 12, shape: [1]),
        ]
        for t in cases {
            let bytes = legacyCheckpoint([t], storages: [storages[0]])
            #expect(throws: FeaturesError.self, "\(t.name)") { try TorchCheckpoint(bytes: bytes, source: "hostile") }
        }
        // Many tensors just under the per-tensor cap exceed the total budget before anything is allocated.
        let wide = (0..<5).map {
            FixtureTensor(name: "w\($0)", storageKey: "0", storageCount: 12, shape: [2048, 2048], strides: [0, 0])
        }
        do { _ = try TorchCheckpoint(bytes: legacyCheckpoint(wide, storages: [storages[0]]), source: "wide"); Issue.record("accepted") }
        catch { #expect("\(error)".contains("elements in total")) }
        // An empty tensor at the very end of its storage is fine.
        let empty = FixtureTensor(name: "empty", storageKey: "0", storageCount: 12, offset: 12, shape: [0, 4])
        #expect((try? TorchCheckpoint(bytes: legacyCheckpoint([empty], storages: [storages[0]]), source: "e"))?
            .tensors["empty"]?.count == 0)
    }

    @Test func extractorPresetsAndKindsAreNamedAndUnknownOnesListTheKnown() throws {
        #expect(ExtractorRegistry.standard.presetNames == ["efficientnet-lite0", "pixels", "grey128"])
        #expect(try ExtractorRegistry.standard.make(preset: "pixels").dimension == 1024)
        #expect(try ExtractorRegistry.standard.make(kind: "pixels", settings: ["size": 8]).dimension == 64)
        #expect(throws: FeaturesError.unknownExtractor(name: "resnet", known: ["efficientnet-lite0", "pixels", "grey128"])) {
            try ExtractorRegistry.standard.make(preset: "resnet")
        }
        #expect(throws: FeaturesError.unknownExtractor(name: "resnet", known: ["efficientnet-lite0", "pixels", "efficientnet-lite0-patches"])) {
            try ExtractorRegistry.standard.make(kind: "resnet", settings: [:])
        }
        #expect(throws: FeaturesError.invalidSetting(name: "pixels size", value: "0", expected: "a whole number in 1...4096")) {
            try ExtractorRegistry.standard.make(kind: "pixels", settings: ["size": 0])
        }
    }
}
