@testable import Features

/// One tensor of a fixture state dict.
struct FixtureTensor {
    var name: String
    var storageKey: String
    var type: TorchScalarType = .float32
    var storageCount: Int
    var offset = 0
    var shape: [Int]
    var strides: [Int]? = nil

    var rowMajorStrides: [Int] {
        var s = [Int](repeating: 1, count: shape.count)
        var acc = 1
        for i in stride(from: shape.count - 1, through: 0, by: -1) { s[i] = acc; acc *= shape[i] }
        return s
    }
}

/// A state-dict pickle like `torch.save` writes: an OrderedDict of `_rebuild_tensor_v2` calls.
func stateDictPickle(_ tensors: [FixtureTensor], legacyView: Bool) -> [UInt8] {
    var p = PickleBuilder()
    p.proto()
    p.global("collections", "OrderedDict"); p.put(0)
    p.emptyTuple(); p.reduce(); p.put(1)
    p.mark()
    for (i, t) in tensors.enumerated() {
        p.string(t.name)
        if i == 0 { p.global("torch._utils", "_rebuild_tensor_v2"); p.put(2) } else { p.get(2) }
        p.mark()
        p.mark()
        p.string("storage")
        p.global("torch", t.type == .float32 ? "FloatStorage" : "LongStorage")
        p.string(t.storageKey)
        p.string("cpu")
        p.int(t.storageCount)
        if legacyView { p.none() }
        p.tuple()
        p.persID()
        p.int(t.offset)
        p.ints(t.shape)
        p.ints(t.strides ?? t.rowMajorStrides)
        p.bool(false)
        p.get(0); p.emptyTuple(); p.reduce()  // backward hooks: OrderedDict()
        p.tuple()
        p.reduce()
    }
    p.setItems()
    // The `_metadata` attribute torch attaches, applied with BUILD.
    p.emptyDict(); p.mark(); p.string("_metadata"); p.get(0); p.emptyTuple(); p.reduce(); p.setItems()
    p.build()
    p.stop()
    return p.bytes
}

/// Raw little-endian bytes of float or int64 storage contents.
func storageBytes(_ values: [Double], type: TorchScalarType) -> [UInt8] {
    switch type {
    case .float32: return values.flatMap { le(UInt64(Float($0).bitPattern), 4) }
    case .int64: return values.flatMap { le(UInt64(bitPattern: Int64($0)), 8) }
    }
}

/// A legacy `.pth`: magic, protocol, system info, state dict, key list, then count-prefixed storages.
func legacyCheckpoint(_ tensors: [FixtureTensor], storages: [(key: String, type: TorchScalarType, values: [Double])]) -> [UInt8] {
    var out: [UInt8] = []
    var magic = PickleBuilder(); magic.proto(); magic.long1(TorchCheckpoint.legacyMagic); magic.stop()
    var version = PickleBuilder(); version.proto(); version.int(1001); version.stop()
    var info = PickleBuilder(); info.proto(); info.emptyDict(); info.mark()
    info.string("protocol_version"); info.int(1001); info.string("little_endian"); info.bool(true)
    info.setItems(); info.stop()
    var keys = PickleBuilder(); keys.proto(); keys.emptyList(); keys.mark()
    for s in storages { keys.string(s.key) }
    keys.appends(); keys.stop()
    out += magic.bytes + version.bytes + info.bytes + stateDictPickle(tensors, legacyView: true) + keys.bytes
    for s in storages { out += le(UInt64(s.values.count), 8) + storageBytes(s.values, type: s.type) }
    return out
}
