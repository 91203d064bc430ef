import Randomness
import Testing
@testable import Features

@Suite struct PickleReaderTests {
    let reader = PickleReader(source: "test.pkl")

    @Test func readsScalarsStringsAndContainers() throws {
        var p = PickleBuilder()
        p.proto()
        p.emptyDict(); p.put(0); p.mark()
        p.string("small"); p.int(200)
        p.string("medium"); p.int(1001)
        p.string("negative"); p.int(-5)
        p.string("long"); p.long1([0xFF, 0xFF])  // −1 in two's complement
        p.string("flags"); p.mark(); p.bool(true); p.bool(false); p.none(); p.tuple()
        p.string("ünïcode"); p.emptyList(); p.mark(); p.int(1); p.int(2); p.appends()
        p.setItems()
        p.stop()
        let pickle = try reader.read(p.bytes)
        #expect(pickle.end == p.bytes.count)
        let dict = try #require(pickle.dict(pickle.root))
        #expect(dict.keys == ["small", "medium", "negative", "long", "flags", "ünïcode"].map { PickleValue.string($0) })
        #expect(Array(dict.values[0..<4]) == [.int(200), .int(1001), .int(-5), .int(-1)])
        #expect(pickle.tuple(dict.values[4]) == [.bool(true), .bool(false), .none])
        #expect(pickle.list(dict.values[5]) == [.int(1), .int(2)])
    }

    @Test func memoSharesMutableObjectsLikePython() throws {
        // l = []; d = {"a": l}; l.extend([7]) — the dict must see the append.
        var p = PickleBuilder()
        p.proto()
        p.emptyList(); p.put(0)
        p.emptyDict(); p.put(1)
        p.string("a"); p.get(0); p.setItem()
        p.get(0); p.mark(); p.int(7); p.appends()
        let popOffset = p.bytes.count
        p.op(0x30)  // POP is not allowed…
        p.stop()
        #expect(throws: FeaturesError.unsupportedPickleOpcode(source: "test.pkl", opcode: 0x30, offset: popOffset)) {
            try reader.read(p.bytes)
        }
        // …so build the same sharing without it: a tuple holding the dict and the list.
        var q = PickleBuilder()
        q.proto()
        q.emptyDict(); q.string("a"); q.emptyList(); q.put(0); q.setItem()
        q.get(0); q.mark(); q.int(7); q.appends()
        q.tuple2()
        q.stop()
        let pickle = try reader.read(q.bytes)
        let pair = try #require(pickle.tuple(pickle.root))
        let dict = try #require(pickle.dict(pair[0]))
        #expect(pickle.list(dict.values[0]) == [.int(7)])
        #expect(pickle.list(pair[1]) == [.int(7)])
    }

    @Test func setItemReplacesAnExistingKey() throws {
        var p = PickleBuilder()
        p.proto(); p.emptyDict(); p.string("k"); p.int(1); p.setItem(); p.string("k"); p.int(2); p.setItem(); p.stop()
        let pickle = try reader.read(p.bytes)
        let dict = try #require(pickle.dict(pickle.root))
        #expect(dict.keys == [.string("k")] && dict.values == [.int(2)])
    }

    @Test func readsConsecutivePicklesFromAnOffset() throws {
        var a = PickleBuilder(); a.proto(); a.int(1001); a.stop()
        var b = PickleBuilder(); b.proto(); b.long1(TorchCheckpoint.legacyMagic); b.stop()
        let bytes = a.bytes + b.bytes
        let first = try reader.read(bytes)
        #expect(first.root == .int(1001))
        let second = try reader.read(bytes, from: first.end)
        #expect(second.root == .bigInt(TorchCheckpoint.legacyMagic))
    }

    @Test func rejectsCodeExecutingOpcodes() {
        // INST, OBJ, NEWOBJ, STACK_GLOBAL, EXT1, TUPLE3, APPEND, SHORT_BINUNICODE, FRAME, MEMOIZE.
        for opcode: UInt8 in [0x69, 0x6F, 0x81, 0x93, 0x82, 0x87, 0x61, 0x8C, 0x95, 0x94] {
            #expect(throws: FeaturesError.unsupportedPickleOpcode(source: "test.pkl", opcode: opcode, offset: 2)) {
                try reader.read([0x80, 2, opcode, 0x2E])
            }
        }
    }

    @Test func rejectsGlobalsOutsideTheAllowList() throws {
        var p = PickleBuilder()
        p.proto(); p.global("os", "system"); p.string("echo pwned"); p.tuple1(); p.reduce(); p.stop()
        #expect(throws: FeaturesError.unsupportedPickleGlobal(source: "test.pkl", module: "os", name: "system", offset: 2)) {
            try reader.read(p.bytes)
        }
        var q = PickleBuilder()
        q.proto(); q.global("torch", "HalfStorage"); q.stop()
        #expect(throws: FeaturesError.self) { try reader.read(q.bytes) }
        for global in PickleGlobal.allCases {
            var ok = PickleBuilder()
            let parts = global.rawValue.split(separator: " ")
            ok.proto(); ok.global(String(parts[0]), String(parts[1])); ok.stop()
            #expect(try reader.read(ok.bytes).root == .global(global))
        }
    }

    @Test func callsOnlyWhatItUnderstands() {
        // A storage type cannot be called, OrderedDict takes no arguments, REDUCE needs a global.
        var storage = PickleBuilder()
        storage.proto(); storage.global("torch", "FloatStorage"); storage.emptyTuple(); storage.reduce(); storage.stop()
        var ordered = PickleBuilder()
        ordered.proto(); ordered.global("collections", "OrderedDict"); ordered.int(1); ordered.tuple1(); ordered.reduce(); ordered.stop()
        var notGlobal = PickleBuilder()
        notGlobal.proto(); notGlobal.int(3); notGlobal.emptyTuple(); notGlobal.reduce(); notGlobal.stop()
        var badPID = PickleBuilder()
        badPID.proto(); badPID.string("storage"); badPID.persID(); badPID.stop()
        var buildOnInt = PickleBuilder()
        buildOnInt.proto(); buildOnInt.int(1); buildOnInt.emptyDict(); buildOnInt.build(); buildOnInt.stop()
        for bytes in [storage.bytes, ordered.bytes, notGlobal.bytes, badPID.bytes, buildOnInt.bytes] {
            #expect(throws: FeaturesError.self) { try reader.read(bytes) }
        }
    }

    @Test func reportsMalformedStructure() {
        let cases: [([UInt8], String)] = [
            ([0x80, 2], "ends without STOP"),
            ([0x80, 2, 0x2E], "STOP with 0 values on the stack"),
            ([0x80, 2, 0x4B, 1, 0x4B, 2, 0x2E], "STOP with 2 values on the stack"),
            ([0x80, 2, 0x74, 0x2E], "no MARK to pop to"),
            ([0x80, 2, 0x68, 9, 0x2E], "memo slot 9 is empty"),
            ([0x80, 2, 0x28, 0x85, 0x2E], "stack underflow past a MARK"),
            ([0x80, 2, 0x58, 0xFF, 0xFF, 0xFF, 0x7F, 0x41], "truncated BINUNICODE"),
            ([0x80, 2, 0x4A, 1, 2], "truncated BININT"),
            ([0x80, 2, 0x5D, 0x4B, 1, 0x4B, 2, 0x73, 0x2E], "SETITEM on a non-dict"),
        ]
        for (bytes, reason) in cases {
            do { _ = try reader.read(bytes); Issue.record("accepted \(bytes)") }
            catch { #expect("\(error)".contains(reason), "\(error)") }
        }
    }

    @Test func parsesAStateDictIntoTensorReferences() throws {
        let tensors = [
            FixtureTensor(name: "w", storageKey: "0", storageCount: 6, shape: [2, 3]),
            FixtureTensor(name: "n", storageKey: "1", type: .int64, storageCount: 1, shape: []),
        ]
        let pickle = try reader.read(stateDictPickle(tensors, legacyView: true))
        let refs = try TorchCheckpoint.tensorReferences(pickle, source: "s")
        #expect(refs.map(\.0) == ["w", "n"])
        #expect(refs[0].1 == TorchTensorReference(storage: TorchStorageReference(type: .float32, key: "0", count: 6),
                                                  offset: 0, shape: [2, 3], strides: [3, 1]))
        #expect(refs[1].1.storage.type == .int64 && refs[1].1.shape == [])
    }

    /// Random damage to a real-shaped pickle must end in a typed error or a value, never a trap.
    @Test func survivesRandomDamage() {
        let original = stateDictPickle((0..<6).map {
            FixtureTensor(name: "t\($0)", storageKey: "\($0)", storageCount: 12, shape: [3, 4])
        }, legacyView: true)
        var rng = SeededGenerator(seed: 11)
        var accepted = 0
        for _ in 0..<(2000 * TestEnvironment.fuzzScale) {
            var bytes = original
            for _ in 0..<(1 + rng.nextInt(below: 3)) {
                bytes[rng.nextInt(below: bytes.count)] = UInt8(truncatingIfNeeded: rng.next())
            }
            if rng.nextInt(below: 5) == 0 { bytes = Array(bytes.prefix(rng.nextInt(below: bytes.count))) }
            if let p = try? reader.read(bytes), (try? TorchCheckpoint.tensorReferences(p, source: "f")) != nil { accepted += 1 }
        }
        #expect(accepted < 2000 * TestEnvironment.fuzzScale)
    }
}
