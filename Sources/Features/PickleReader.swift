/// A pickle machine that only builds data: the safe subset PyTorch weights need.
///
/// It accepts exactly the opcodes of ``PickleOpcode`` and the globals of
/// ``PickleGlobal``. Globals are never imported or run: calling
/// `OrderedDict()` makes an empty dict, calling `_rebuild_tensor_v2` records a
/// ``TorchTensorReference``, and a persistent id becomes a
/// ``TorchStorageReference``. Everything else is a typed error, never a trap.
public struct PickleReader: Sendable {
    /// The file name used in error messages.
    public let source: String

    public init(source: String) { self.source = source }

    /// Runs the pickle that starts at `offset` in `bytes` up to its STOP.
    /// - Throws: ``FeaturesError/unsupportedPickleOpcode(source:opcode:offset:)``,
    ///   ``FeaturesError/unsupportedPickleGlobal(source:module:name:offset:)`` or
    ///   ``FeaturesError/malformedPickle(source:offset:reason:)``.
    /// - Complexity: O(pickle length), with O(1) expected work per dict insertion.
    public func read(_ bytes: [UInt8], from offset: Int = 0) throws(FeaturesError) -> Pickle {
        var machine = PickleMachine(source: source, cursor: ByteCursor(bytes, offset: offset))
        return try machine.run()
    }
}

/// The state of one pickle run.
private struct PickleMachine {
    let source: String
    var cursor: ByteCursor
    var stack: [PickleValue] = []
    var marks: [Int] = []
    var memo: [Int: PickleValue] = [:]
    var heap: [PickleObject] = []
    /// Key → position, per dict in the heap, so SETITEM replaces in O(1).
    var dictIndex: [Int: [PickleValue: Int]] = [:]
    /// Where the opcode being run starts, for messages.
    var opcodeOffset = 0

    init(source: String, cursor: ByteCursor) {
        self.source = source
        self.cursor = cursor
    }

    func fail(_ reason: String) -> FeaturesError {
        .malformedPickle(source: source, offset: opcodeOffset, reason: reason)
    }

    mutating func run() throws(FeaturesError) -> Pickle {
        while true {
            opcodeOffset = cursor.offset
            guard let byte = cursor.u8() else { throw fail("ends without STOP") }
            guard let op = PickleOpcode(rawValue: byte) else {
                throw .unsupportedPickleOpcode(source: source, opcode: byte, offset: opcodeOffset)
            }
            if op == .stop {
                guard marks.isEmpty, stack.count == 1, let root = stack.last else {
                    throw fail("STOP with \(stack.count) values on the stack")
                }
                return Pickle(root: root, heap: heap, end: cursor.offset)
            }
            try execute(op)
        }
    }

    mutating func execute(_ op: PickleOpcode) throws(FeaturesError) {
        switch op {
        case .proto:
            guard let version = cursor.u8() else { throw fail("truncated PROTO") }
            guard version <= 5 else { throw fail("unknown protocol \(version)") }
        case .stop:
            break
        case .mark:
            marks.append(stack.count)
        case .global:
            guard let module = cursor.line(), let name = cursor.line() else { throw fail("truncated GLOBAL") }
            let moduleText = String(decoding: module, as: UTF8.self)
            let nameText = String(decoding: name, as: UTF8.self)
            guard let global = PickleGlobal(rawValue: moduleText + " " + nameText) else {
                throw .unsupportedPickleGlobal(source: source, module: moduleText, name: nameText, offset: opcodeOffset)
            }
            stack.append(.global(global))
        case .reduce:
            let args = try pop()
            let callable = try pop()
            stack.append(try call(callable, args))
        case .build:
            _ = try pop()
            // Only OrderedDict gets state here (the `_metadata` attribute); it does not affect the tensors.
            guard case .dict = try top() else { throw fail("BUILD on something other than a dict") }
        case .binPersID:
            stack.append(try persistentLoad(try pop()))
        case .binPut:
            guard let i = cursor.u8() else { throw fail("truncated BINPUT") }
            memo[Int(i)] = try top()
        case .longBinPut:
            guard let i = cursor.u32() else { throw fail("truncated LONG_BINPUT") }
            memo[i] = try top()
        case .binGet:
            guard let i = cursor.u8() else { throw fail("truncated BINGET") }
            stack.append(try recall(Int(i)))
        case .longBinGet:
            guard let i = cursor.u32() else { throw fail("truncated LONG_BINGET") }
            stack.append(try recall(i))
        case .binInt:
            guard let v = cursor.i32() else { throw fail("truncated BININT") }
            stack.append(.int(v))
        case .binInt1:
            guard let v = cursor.u8() else { throw fail("truncated BININT1") }
            stack.append(.int(Int(v)))
        case .binInt2:
            guard let v = cursor.u16() else { throw fail("truncated BININT2") }
            stack.append(.int(v))
        case .long1:
            guard let n = cursor.u8(), let digits = cursor.take(Int(n)) else { throw fail("truncated LONG1") }
            stack.append(Self.long(Array(digits)))
        case .binUnicode:
            guard let n = cursor.u32(), let text = cursor.take(n) else { throw fail("truncated BINUNICODE") }
            stack.append(.string(String(decoding: text, as: UTF8.self)))
        case .none:
            stack.append(.none)
        case .newTrue:
            stack.append(.bool(true))
        case .newFalse:
            stack.append(.bool(false))
        case .emptyDict:
            stack.append(newObject(.dict(keys: [], values: [])))
        case .emptyList:
            stack.append(newObject(.list([])))
        case .emptyTuple:
            stack.append(newObject(.tuple([])))
        case .tuple:
            let items = try popToMark()
            stack.append(newObject(.tuple(items)))
        case .tuple1:
            let a = try pop()
            stack.append(newObject(.tuple([a])))
        case .tuple2:
            let b = try pop()
            let a = try pop()
            stack.append(newObject(.tuple([a, b])))
        case .setItem:
            let value = try pop()
            let key = try pop()
            try insert([(key, value)], into: try top())
        case .setItems:
            let items = try popToMark()
            guard items.count % 2 == 0 else { throw fail("SETITEMS with an odd number of values") }
            try insert(stride(from: 0, to: items.count, by: 2).map { (items[$0], items[$0 + 1]) }, into: try top())
        case .appends:
            let items = try popToMark()
            guard case .list(let i) = try top(), case .list(var list) = heap[i] else { throw fail("APPENDS to a non-list") }
            heap[i] = .tuple([])  // release the heap's reference so the append does not copy
            list.append(contentsOf: items)
            heap[i] = .list(list)
        }
    }

    // MARK: stack

    mutating func pop() throws(FeaturesError) -> PickleValue {
        if let mark = marks.last, stack.count <= mark { throw fail("stack underflow past a MARK") }
        guard let v = stack.popLast() else { throw fail("stack underflow") }
        return v
    }

    func top() throws(FeaturesError) -> PickleValue {
        if let mark = marks.last, stack.count <= mark { throw fail("stack underflow past a MARK") }
        guard let v = stack.last else { throw fail("stack underflow") }
        return v
    }

    mutating func popToMark() throws(FeaturesError) -> [PickleValue] {
        guard let mark = marks.popLast() else { throw fail("no MARK to pop to") }
        let items = Array(stack[mark...])
        stack.removeSubrange(mark...)
        return items
    }

    func recall(_ index: Int) throws(FeaturesError) -> PickleValue {
        guard let v = memo[index] else { throw fail("memo slot \(index) is empty") }
        return v
    }

    mutating func newObject(_ object: PickleObject) -> PickleValue {
        heap.append(object)
        switch object {
        case .tuple: return .tuple(heap.count - 1)
        case .list: return .list(heap.count - 1)
        case .dict: return .dict(heap.count - 1)
        }
    }

    mutating func insert(_ items: [(PickleValue, PickleValue)], into target: PickleValue) throws(FeaturesError) {
        guard case .dict(let i) = target, case .dict(var keys, var values) = heap[i] else {
            throw fail("SETITEM on a non-dict")
        }
        heap[i] = .tuple([])  // release the heap's reference so the inserts do not copy
        var index = dictIndex[i] ?? [:]
        for (key, value) in items {
            if let at = index[key] {
                values[at] = value
            } else {
                index[key] = keys.count
                keys.append(key)
                values.append(value)
            }
        }
        dictIndex[i] = index
        heap[i] = .dict(keys: keys, values: values)
    }

    // MARK: the allowed calls

    /// Calls an allowed global: `OrderedDict()` or `_rebuild_tensor_v2(…)`.
    mutating func call(_ callable: PickleValue, _ args: PickleValue) throws(FeaturesError) -> PickleValue {
        guard case .global(let global) = callable else { throw fail("REDUCE on something that is not a global") }
        guard case .tuple(let t) = args, case .tuple(let a) = heap[t] else { throw fail("REDUCE arguments are not a tuple") }
        switch global {
        case .orderedDict:
            guard a.isEmpty else { throw fail("OrderedDict called with arguments") }
            return newObject(.dict(keys: [], values: []))
        case .rebuildTensorV2:
            guard a.count >= 4, case .storage(let storage) = a[0], case .int(let offset) = a[1],
                  let shape = ints(a[2]), let strides = ints(a[3]), shape.count == strides.count
            else { throw fail("_rebuild_tensor_v2 needs (storage, offset, size, stride, …)") }
            return .tensor(TorchTensorReference(storage: storage, offset: offset, shape: shape, strides: strides))
        case .floatStorage, .longStorage:
            throw fail("\(global.rawValue) cannot be called")
        }
    }

    /// Resolves `('storage', type, key, location, numel[, view])`.
    func persistentLoad(_ pid: PickleValue) throws(FeaturesError) -> PickleValue {
        guard case .tuple(let t) = pid, case .tuple(let a) = heap[t], a.count == 5 || a.count == 6,
              a[0] == .string("storage"), case .global(let type) = a[1], case .string(let key) = a[2],
              case .string = a[3], case .int(let count) = a[4], count >= 0
        else { throw fail("persistent id is not ('storage', type, key, location, numel)") }
        if a.count == 6 && a[5] != .none { throw fail("storage views are not supported") }
        switch type {
        case .floatStorage: return .storage(TorchStorageReference(type: .float32, key: key, count: count))
        case .longStorage: return .storage(TorchStorageReference(type: .int64, key: key, count: count))
        default: throw fail("persistent id names \(type.rawValue), not a storage type")
        }
    }

    func ints(_ value: PickleValue) -> [Int]? {
        guard case .tuple(let t) = value, case .tuple(let items) = heap[t] else { return nil }
        var out: [Int] = []
        for item in items {
            guard case .int(let v) = item else { return nil }
            out.append(v)
        }
        return out
    }

    /// LONG1's little-endian two's complement, as `Int` when it fits.
    static func long(_ digits: [UInt8]) -> PickleValue {
        guard !digits.isEmpty else { return .int(0) }
        guard digits.count <= 8 else { return .bigInt(digits) }
        var value: UInt64 = digits.last! & 0x80 != 0 ? ~0 : 0
        for (i, d) in digits.enumerated() {
            value &= ~(0xFF << (8 * UInt64(i)))
            value |= UInt64(d) << (8 * UInt64(i))
        }
        return .int(Int(Int64(bitPattern: value)))
    }
}
