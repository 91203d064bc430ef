/// One component's part of a ``TensorArchive``: its settings as JSON and its named arrays,
/// with checked, typed access for reading them back.
///
/// A detector file holds one record for its scorer, another for its feature extractor, and
/// so on. Each component writes its own record and restores itself from it, so the file
/// format grows by components, not by a central `switch`. Reading never trusts the file:
/// every missing field, wrong type, wrong shape or non-finite number becomes an
/// ``ArchiveFieldError`` that names the field.
///
/// ```swift
/// var record = ArchiveRecord(settings: ["components": 16])
/// record.append("points", NPYArray(rows: 2, columns: 16, values: points))
/// let k = try record.int("components")                        // 16
/// let p = try record.floats("points", shape: [nil, k])        // (shape, values)
/// ```
public struct ArchiveRecord: Sendable, Hashable {
    /// The component's settings: an object.
    public var settings: JSONValue
    /// The component's arrays, in order.
    public var arrays: [(name: String, array: NPYArray)]

    public init(settings: JSONValue = [:], arrays: [(name: String, array: NPYArray)] = []) {
        self.settings = settings
        self.arrays = arrays
    }

    public static func == (a: ArchiveRecord, b: ArchiveRecord) -> Bool {
        a.settings == b.settings && a.arrays.map(\.name) == b.arrays.map(\.name) && a.arrays.map(\.array) == b.arrays.map(\.array)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(settings)
        for a in arrays { hasher.combine(a.name); hasher.combine(a.array) }
    }

    /// Adds an array under `name`.
    public mutating func append(_ name: String, _ array: NPYArray) { arrays.append((name, array)) }

    /// The array named `name`, if present.
    public subscript(array name: String) -> NPYArray? { arrays.first { $0.name == name }?.array }

    // MARK: Settings

    /// The value at the key path, e.g. `value("architecture", "hidden")`.
    /// - Throws: ``ArchiveFieldError`` when a key on the path is missing.
    public func value(_ keys: String...) throws(ArchiveFieldError) -> JSONValue { try value(keys) }

    public func value(_ keys: [String]) throws(ArchiveFieldError) -> JSONValue {
        var current = settings
        for (i, key) in keys.enumerated() {
            guard let next = current[key] else {
                throw ArchiveFieldError(field: keys[...i].joined(separator: "."), reason: "is missing")
            }
            current = next
        }
        return current
    }

    /// Whether the key path is present.
    public func has(_ keys: String...) -> Bool { (try? value(keys)) != nil }

    public func string(_ keys: String...) throws(ArchiveFieldError) -> String {
        guard let s = try value(keys).stringValue else { throw Self.wrong(keys, "must be a string") }
        return s
    }

    /// A finite number.
    public func double(_ keys: String...) throws(ArchiveFieldError) -> Double {
        guard let d = try value(keys).doubleValue, d.isFinite else { throw Self.wrong(keys, "must be a finite number") }
        return d
    }

    /// A number that may be null (stored for an undefined value); nil then.
    public func optionalDouble(_ keys: String...) throws(ArchiveFieldError) -> Double? {
        let v = try value(keys)
        if v.isNull { return nil }
        guard let d = v.doubleValue, d.isFinite else { throw Self.wrong(keys, "must be a finite number or null") }
        return d
    }

    /// A whole number in `range`.
    public func int(_ keys: String..., in range: ClosedRange<Int> = Int.min...Int.max) throws(ArchiveFieldError) -> Int {
        guard let i = try value(keys).intValue else { throw Self.wrong(keys, "must be an integer") }
        guard range.contains(i) else { throw Self.wrong(keys, "= \(i) is out of range \(range.lowerBound)...\(range.upperBound)") }
        return i
    }

    public func bool(_ keys: String...) throws(ArchiveFieldError) -> Bool {
        guard let b = try value(keys).boolValue else { throw Self.wrong(keys, "must be true or false") }
        return b
    }

    /// A UInt64 stored as a decimal string (JSON numbers cannot hold every 64-bit seed exactly).
    public func seed(_ keys: String...) throws(ArchiveFieldError) -> UInt64 {
        guard let s = try value(keys).stringValue, let seed = UInt64(s) else {
            throw Self.wrong(keys, "must be a decimal UInt64 in a string")
        }
        return seed
    }

    /// A list of whole numbers, each in `range`.
    public func ints(_ keys: String..., in range: ClosedRange<Int> = Int.min...Int.max) throws(ArchiveFieldError) -> [Int] {
        guard let items = try value(keys).arrayValue else { throw Self.wrong(keys, "must be a list of integers") }
        var out: [Int] = []
        for item in items {
            guard let i = item.intValue, range.contains(i) else {
                throw Self.wrong(keys, "must be a list of integers in \(range.lowerBound)...\(range.upperBound)")
            }
            out.append(i)
        }
        return out
    }

    /// A list of strings.
    public func strings(_ keys: String...) throws(ArchiveFieldError) -> [String] {
        guard let items = try value(keys).arrayValue else { throw Self.wrong(keys, "must be a list of strings") }
        var out: [String] = []
        for item in items {
            guard let s = item.stringValue else { throw Self.wrong(keys, "must be a list of strings") }
            out.append(s)
        }
        return out
    }

    /// One of `choices`.
    public func choice(_ keys: String..., from choices: [String]) throws(ArchiveFieldError) -> String {
        guard let s = try value(keys).stringValue, choices.contains(s) else {
            throw Self.wrong(keys, "must be one of \(choices.joined(separator: ", "))")
        }
        return s
    }

    // MARK: Arrays

    /// The array named `name`, which must have `shape` (nil entries are free).
    public func array(_ name: String, shape: [Int?]) throws(ArchiveFieldError) -> NPYArray {
        guard let a = self[array: name] else { throw ArchiveFieldError(field: name, reason: "(array) is missing") }
        guard a.shape.count == shape.count, zip(a.shape, shape).allSatisfy({ $1 == nil || $0 == $1 }) else {
            let wanted = shape.map { $0.map(String.init) ?? "any" }.joined(separator: "×")
            throw ArchiveFieldError(field: name, reason: "has shape \(a.shape.map(String.init).joined(separator: "×")), expected \(wanted)")
        }
        return a
    }

    /// A float32 array with finite values only.
    public func floats(_ name: String, shape: [Int?]) throws(ArchiveFieldError) -> (shape: [Int], values: [Float]) {
        let a = try array(name, shape: shape)
        guard case .float32(let values) = a.storage else {
            throw ArchiveFieldError(field: name, reason: "must be float32, is \(a.dtype)")
        }
        guard values.allSatisfy(\.isFinite) else { throw ArchiveFieldError(field: name, reason: "holds a NaN or infinity") }
        return (a.shape, values)
    }

    /// A float64 array with finite values only.
    public func doubles(_ name: String, count: Int? = nil) throws(ArchiveFieldError) -> [Double] {
        let a = try array(name, shape: [count])
        guard case .float64(let values) = a.storage else {
            throw ArchiveFieldError(field: name, reason: "must be float64, is \(a.dtype)")
        }
        guard values.allSatisfy(\.isFinite) else { throw ArchiveFieldError(field: name, reason: "holds a NaN or infinity") }
        return values
    }

    static func wrong(_ keys: [String], _ reason: String) -> ArchiveFieldError {
        ArchiveFieldError(field: keys.joined(separator: "."), reason: reason)
    }
}

/// A field of an ``ArchiveRecord`` that is missing, of the wrong type, or out of range.
public struct ArchiveFieldError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The key path or array name, e.g. `architecture.hidden`.
    public var field: String
    /// What is wrong with it, e.g. "must be an integer".
    public var reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    /// The same error with `prefix.` in front of the field, as the enclosing record names it.
    public func within(_ prefix: String) -> ArchiveFieldError {
        ArchiveFieldError(field: prefix + "." + field, reason: reason)
    }

    public var description: String { "\(field) \(reason)" }
}
