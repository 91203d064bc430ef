/// The three facts a `.npy` header dictionary records about its array.
struct NPYHeader: Sendable, Hashable {
    /// The raw `descr` value: a type string such as `<f4`, or the source text of a structured type.
    var descr: String
    var fortranOrder: Bool
    var shape: [Int]

    /// Parses a header such as `{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }`.
    ///
    /// The header is a Python literal, so this accepts the subset NumPy writes
    /// (strings in either quote, `True`/`False`, integer tuples with an optional
    /// Python 2 `L` suffix, lists for structured types) and nothing that would run code.
    static func parse(_ text: String, source: String) throws(ArrayFormatError) -> NPYHeader {
        var parser = PythonLiteralParser(text: text)
        let fail = { (reason: String) in ArrayFormatError.malformedHeader(source: source, header: text, reason: reason) }
        let entries: [(key: String, value: PythonLiteral)]
        do {
            entries = try parser.parseDictionary()
        } catch {
            throw fail(error.reason)
        }
        func value(_ key: String) throws(ArrayFormatError) -> PythonLiteral {
            guard let found = entries.first(where: { $0.key == key }) else { throw fail("no '\(key)' key") }
            return found.value
        }

        let descr: String
        switch try value("descr") {
        case let .string(s): descr = s
        case let other: descr = other.sourceText
        }

        guard case let .bool(fortranOrder) = try value("fortran_order") else {
            throw fail("'fortran_order' is not True or False")
        }

        guard case let .tuple(items) = try value("shape") else { throw fail("'shape' is not a tuple") }
        var shape: [Int] = []
        for item in items {
            guard case let .int(n) = item, n >= 0 else {
                throw fail("'shape' holds \(item.sourceText), not a non-negative integer")
            }
            shape.append(n)
        }
        return NPYHeader(descr: descr, fortranOrder: fortranOrder, shape: shape)
    }
}

/// A value in the Python-literal subset used by `.npy` headers.
enum PythonLiteral: Hashable {
    case string(String)
    case bool(Bool)
    case int(Int)
    case tuple([PythonLiteral])
    case list([PythonLiteral])

    /// The value written back as Python source, for error messages.
    var sourceText: String {
        switch self {
        case let .string(s): return "'\(s)'"
        case let .bool(b): return b ? "True" : "False"
        case let .int(n): return String(n)
        case let .tuple(items):
            return "(" + items.map(\.sourceText).joined(separator: ", ") + (items.count == 1 ? ",)" : ")")
        case let .list(items): return "[" + items.map(\.sourceText).joined(separator: ", ") + "]"
        }
    }
}

/// Why a Python literal could not be parsed.
struct PythonLiteralError: Error {
    var reason: String
}

/// A recursive-descent parser for ``PythonLiteral`` dictionaries.
struct PythonLiteralParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    /// Structured dtypes nest a few levels; the limit keeps hostile input from exhausting the stack.
    private let maxDepth = 32

    init(text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// Parses `{key: value, …}` and requires only whitespace after it.
    mutating func parseDictionary() throws(PythonLiteralError) -> [(key: String, value: PythonLiteral)] {
        skipSpace()
        try expect("{")
        var entries: [(key: String, value: PythonLiteral)] = []
        while true {
            skipSpace()
            if peek == "}" { index += 1; break }
            guard case let .string(key) = try parseValue(depth: 0) else {
                throw PythonLiteralError(reason: "dictionary keys must be strings")
            }
            skipSpace()
            try expect(":")
            let value = try parseValue(depth: 0)
            entries.append((key, value))
            skipSpace()
            if peek == "," { index += 1; continue }
            try expect("}")
            break
        }
        skipSpace()
        guard index == scalars.count else {
            throw PythonLiteralError(reason: "unexpected text after the dictionary")
        }
        return entries
    }

    private var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func skipSpace() {
        while let c = peek, c == " " || c == "\t" || c == "\n" || c == "\r" { index += 1 }
    }

    private mutating func expect(_ c: Unicode.Scalar) throws(PythonLiteralError) {
        guard peek == c else {
            let found = peek.map { "'\($0)'" } ?? "the end"
            throw PythonLiteralError(reason: "expected '\(c)' at offset \(index), found \(found)")
        }
        index += 1
    }

    private mutating func parseValue(depth: Int) throws(PythonLiteralError) -> PythonLiteral {
        guard depth < maxDepth else { throw PythonLiteralError(reason: "nested too deeply") }
        skipSpace()
        guard let c = peek else { throw PythonLiteralError(reason: "unexpected end of header") }
        switch c {
        case "'", "\"": return .string(try parseString(quote: c))
        case "(": return .tuple(try parseSequence(close: ")", depth: depth))
        case "[": return .list(try parseSequence(close: "]", depth: depth))
        case "0"..."9", "-", "+": return .int(try parseInt())
        default:
            if consume("True") { return .bool(true) }
            if consume("False") { return .bool(false) }
            throw PythonLiteralError(reason: "unexpected '\(c)' at offset \(index)")
        }
    }

    private mutating func consume(_ word: String) -> Bool {
        let word = Array(word.unicodeScalars)
        guard index + word.count <= scalars.count, Array(scalars[index..<index + word.count]) == word else {
            return false
        }
        index += word.count
        return true
    }

    private mutating func parseString(quote: Unicode.Scalar) throws(PythonLiteralError) -> String {
        index += 1
        var out = String.UnicodeScalarView()
        while let c = peek {
            index += 1
            if c == quote { return String(out) }
            if c == "\\", let next = peek {
                index += 1
                out.append(next)
            } else {
                out.append(c)
            }
        }
        throw PythonLiteralError(reason: "unterminated string")
    }

    private mutating func parseSequence(close: Unicode.Scalar, depth: Int) throws(PythonLiteralError) -> [PythonLiteral] {
        index += 1
        var items: [PythonLiteral] = []
        while true {
            skipSpace()
            if peek == close { index += 1; return items }
            items.append(try parseValue(depth: depth + 1))
            skipSpace()
            if peek == "," { index += 1; continue }
            try expect(close)
            return items
        }
    }

    private mutating func parseInt() throws(PythonLiteralError) -> Int {
        let start = index
        if peek == "-" || peek == "+" { index += 1 }
        while let c = peek, ("0"..."9").contains(c) { index += 1 }
        let text = String(String.UnicodeScalarView(scalars[start..<index]))
        // Python 2 wrote long integers as `3L`.
        if peek == "L" { index += 1 }
        guard let n = Int(text) else { throw PythonLiteralError(reason: "'\(text)' is not an integer") }
        return n
    }
}
