extension JSONValue {
    /// The value as JSON text: compact (no whitespace) or pretty (2-space indent, one item per line).
    ///
    /// Numbers use ``JSONValue/numberText(_:)``; object members keep their order.
    /// - Complexity: O(n) in the size of the output.
    public func serialized(pretty: Bool = false) -> String {
        var out = ""
        write(to: &out, pretty: pretty, indent: 0)
        return out
    }

    /// Writes the value to `path` as JSON followed by a newline, atomically.
    public func write(to path: String, pretty: Bool = true) throws(ArrayFormatError) {
        try AtomicFile.write(Array((serialized(pretty: pretty) + "\n").utf8), to: path)
    }

    /// The shortest text that reads back as exactly `value`, as JSON allows it.
    ///
    /// Integral values below 2^53 in magnitude print without a fraction (`41`, not `41.0`),
    /// others use Swift's shortest round-trip form (`0.1`, `1e-300`). NaN and ±infinity,
    /// which JSON cannot express, become `null`.
    public static func numberText(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(.towardZero), abs(value) < 9_007_199_254_740_992 {
            // Keep the sign of negative zero so the value round-trips.
            return value == 0 && value.sign == .minus ? "-0" : String(Int64(value))
        }
        return value.description
    }

    private func write(to out: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .number(n): out += Self.numberText(n)
        case let .string(s): Self.writeString(s, to: &out)
        case let .array(items):
            Self.writeContainer("[", "]", items.indices, to: &out, pretty: pretty, indent: indent) { i, out in
                items[i].write(to: &out, pretty: pretty, indent: indent + 1)
            }
        case let .object(members):
            Self.writeContainer("{", "}", members.indices, to: &out, pretty: pretty, indent: indent) { i, out in
                Self.writeString(members[i].key, to: &out)
                out += pretty ? ": " : ":"
                members[i].value.write(to: &out, pretty: pretty, indent: indent + 1)
            }
        }
    }

    /// Writes `open`, the items separated by commas (one per line, indented, when pretty), then `close`;
    /// an empty container is written as `open` + `close`.
    private static func writeContainer(
        _ open: String, _ close: String, _ items: Range<Int>, to out: inout String, pretty: Bool, indent: Int,
        item: (Int, inout String) -> Void
    ) {
        guard !items.isEmpty else { out += open + close; return }
        out += open
        for i in items {
            if i > items.lowerBound { out += "," }
            if pretty { newline(&out, indent + 1) }
            item(i, &out)
        }
        if pretty { newline(&out, indent) }
        out += close
    }

    private static func newline(_ out: inout String, _ indent: Int) {
        out += "\n"
        out += String(repeating: "  ", count: indent)
    }

    /// Escapes quotes, backslashes and every control character; other text is written as UTF-8.
    private static func writeString(_ s: String, to out: inout String) {
        appendQuoted(s.unicodeScalars, to: &out) { scalar in
            guard scalar.value < 0x20 else { return nil }
            let hex = String(scalar.value, radix: 16, uppercase: false)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }
}
