@testable import Features

/// Assembles pickle bytes opcode by opcode, as PyTorch's pickler (protocol 2) writes them.
struct PickleBuilder {
    var bytes: [UInt8] = []

    mutating func op(_ code: UInt8, _ args: [UInt8] = []) { bytes.append(code); bytes += args }
    mutating func proto() { op(0x80, [2]) }
    mutating func stop() { op(0x2E) }
    mutating func mark() { op(0x28) }
    mutating func none() { op(0x4E) }
    mutating func bool(_ v: Bool) { op(v ? 0x88 : 0x89) }
    mutating func int(_ v: Int) {
        if (0...0xFF).contains(v) { op(0x4B, [UInt8(v)]) }
        else if (0...0xFFFF).contains(v) { op(0x4D, le(UInt64(v), 2)) }
        else if (Int(Int32.min)...Int(Int32.max)).contains(v) { op(0x4A, le(UInt64(UInt32(truncatingIfNeeded: v)), 4)) }
        else { long1(le(UInt64(bitPattern: Int64(v)), 8)) }
    }
    mutating func long1(_ digits: [UInt8]) { op(0x8A, [UInt8(digits.count)] + digits) }
    mutating func string(_ s: String) { let u = Array(s.utf8); op(0x58, le(UInt64(u.count), 4) + u) }
    mutating func global(_ module: String, _ name: String) { op(0x63, Array("\(module)\n\(name)\n".utf8)) }
    mutating func emptyTuple() { op(0x29) }
    mutating func emptyDict() { op(0x7D) }
    mutating func emptyList() { op(0x5D) }
    mutating func tuple() { op(0x74) }
    mutating func tuple1() { op(0x85) }
    mutating func tuple2() { op(0x86) }
    mutating func setItem() { op(0x73) }
    mutating func setItems() { op(0x75) }
    mutating func appends() { op(0x65) }
    mutating func reduce() { op(0x52) }
    mutating func build() { op(0x62) }
    mutating func persID() { op(0x51) }
    mutating func put(_ i: Int) { i < 256 ? op(0x71, [UInt8(i)]) : op(0x72, le(UInt64(i), 4)) }
    mutating func get(_ i: Int) { i < 256 ? op(0x68, [UInt8(i)]) : op(0x6A, le(UInt64(i), 4)) }

    mutating func ints(_ values: [Int]) {
        switch values.count {
        case 0: emptyTuple()
        case 1: int(values[0]); tuple1()
        case 2: int(values[0]); int(values[1]); tuple2()
        default: mark(); for v in values { int(v) }; tuple()
        }
    }
}

func le(_ v: UInt64, _ n: Int) -> [UInt8] { (0..<n).map { UInt8(truncatingIfNeeded: v >> (8 * UInt64($0))) } }
