/// A single-file container of named arrays plus JSON metadata, checksummed end to end.
///
/// Layout (all integers little-endian):
///
///     "TKARCHV1"                  8-byte magic
///     UInt64 header length        byte count of the JSON header
///     JSON header                 {"metadata": …, "sections": [{"name", "offset", "length"}]}
///     section data                each array as a complete .npy file, back to back
///     SHA-256                     32 bytes over everything before it
///
/// Fitted detectors are stored this way: the arrays hold weights exactly, bit for
/// bit, and the trailing digest turns a truncated or damaged file into a clear
/// error instead of wrong scores.
public struct TensorArchive: Sendable, Hashable {
    /// Free-form settings (scorer kind, threshold, format versions, …).
    public var metadata: JSONValue
    /// The arrays, in file order.
    public var sections: [(name: String, array: NPYArray)]

    public init(metadata: JSONValue, sections: [(name: String, array: NPYArray)] = []) {
        self.metadata = metadata
        self.sections = sections
    }

    /// The array stored under `name`, if any.
    public subscript(name: String) -> NPYArray? { sections.first { $0.name == name }?.array }

    static let magic = Array("TKARCHV1".utf8)

    public static func == (a: TensorArchive, b: TensorArchive) -> Bool {
        a.metadata == b.metadata && a.sections.map(\.name) == b.sections.map(\.name)
            && a.sections.map(\.array) == b.sections.map(\.array)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(metadata)
        for s in sections { hasher.combine(s.name); hasher.combine(s.array) }
    }
}

extension TensorArchive {
    /// Serialises the archive.
    ///
    /// - Throws: when an array's shape does not match its element count.
    /// - Complexity: O(total bytes).
    public func encoded() throws(ArrayFormatError) -> [UInt8] {
        var offset = 0
        var entries: [JSONValue] = []
        var payloads: [[UInt8]] = []
        for (name, array) in sections {
            let bytes = try NPY.encode(array)
            entries.append(.object([
                ("name", .string(name)), ("offset", .number(Double(offset))), ("length", .number(Double(bytes.count))),
            ]))
            payloads.append(bytes)
            offset += bytes.count
        }
        let header = Array(JSONValue.object([("metadata", metadata), ("sections", .array(entries))]).serialized().utf8)
        var out = Self.magic
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { out += $0 }
        out += header
        for p in payloads { out += p }
        out += SHA256.digest(out)
        return out
    }

    /// Writes the archive atomically (temp file, then rename).
    public func write(to path: String) throws(ArrayFormatError) {
        try AtomicFile.write(encoded(), to: path)
    }

    /// Reads and verifies an archive file.
    public static func read(path: String) throws(ArrayFormatError) -> TensorArchive {
        try decode(readFileBytes(path: path), source: path)
    }

    /// Parses and verifies archive bytes; `source` names them in errors.
    ///
    /// - Throws: ``ArrayFormatError`` for a wrong magic number, truncation, a
    ///   checksum mismatch (damage) or a malformed header.
    public static func decode(_ bytes: [UInt8], source: String) throws(ArrayFormatError) -> TensorArchive {
        guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else {
            throw .corrupt(source: source, reason: "not a ThresholdKit archive (the file does not start with TKARCHV1)")
        }
        let minimum = magic.count + 8 + 32
        guard bytes.count >= minimum else {
            throw .corrupt(source: source, reason: "truncated: \(bytes.count) bytes, but an archive has at least \(minimum)")
        }
        let digestStart = bytes.count - 32
        guard SHA256.digest(bytes[0..<digestStart]) == Array(bytes[digestStart...]) else {
            throw .corrupt(source: source, reason: "SHA-256 mismatch: the file is truncated or damaged")
        }
        var headerLength: UInt64 = 0
        for i in 0..<8 { headerLength |= UInt64(bytes[magic.count + i]) << (8 * UInt64(i)) }
        let headerStart = magic.count + 8
        guard headerLength <= UInt64(digestStart - headerStart) else {
            throw .corrupt(source: source, reason: "header length \(headerLength) runs past the end of the file")
        }
        let dataStart = headerStart + Int(headerLength)
        let header = try JSONValue.parse(Array(bytes[headerStart..<dataStart]), source: source)
        guard let entries = header["sections"]?.arrayValue, let metadata = header["metadata"] else {
            throw .corrupt(source: source, reason: "the header has no 'metadata' or 'sections'")
        }
        var sections: [(name: String, array: NPYArray)] = []
        for entry in entries {
            guard let name = entry["name"]?.stringValue, let offset = entry["offset"]?.intValue,
                  let length = entry["length"]?.intValue, offset >= 0, length >= 0,
                  offset <= digestStart - dataStart - length
            else { throw .corrupt(source: source, reason: "bad section entry \(entry.serialized())") }
            let start = dataStart + offset
            let array = try NPY.decode(Array(bytes[start..<(start + length)]), source: "\(source) [\(name)]")
            sections.append((name, array))
        }
        return TensorArchive(metadata: metadata, sections: sections)
    }
}
