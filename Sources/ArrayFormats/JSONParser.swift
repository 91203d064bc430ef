import Foundation

extension JSONValue {
    /// Parses UTF-8 JSON text; `source` names it in errors.
    ///
    /// Accepts RFC 8259 JSON, a leading UTF-8 byte order mark, and Python's
    /// `NaN`, `Infinity` and `-Infinity` tokens (which `json.dump` writes).
    /// - Throws: ``ArrayFormatError/jsonSyntax(source:line:column:message:)`` at the first error.
    /// - Complexity: O(n) in the number of bytes.
    public static func parse(_ bytes: [UInt8], source: String = "JSON") throws(ArrayFormatError) -> JSONValue {
        var parser = JSONParser(bytes: bytes, source: source)
        return try parser.parseDocument()
    }

    /// Parses JSON text; `source` names it in errors.
    public static func parse(_ text: String, source: String = "JSON") throws(ArrayFormatError) -> JSONValue {
        try parse(Array(text.utf8), source: source)
    }

    /// Reads and parses the JSON file at `path`.
    public static func read(path: String) throws(ArrayFormatError) -> JSONValue {
        try parse(readFileBytes(path: path), source: path)
    }
}

/// A recursive-descent JSON parser over UTF-8 bytes.
struct JSONParser {
    private let bytes: [UInt8]
    private let source: String
    private var index = 0
    /// Deeper nesting is rejected rather than risking a stack overflow on hostile input.
    static let maxDepth = 512

    init(bytes: [UInt8], source: String) {
        self.bytes = bytes
        self.source = source
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    mutating func parseDocument() throws(ArrayFormatError) -> JSONValue {
        skipWhitespace()
        guard index < bytes.count else { throw error("the input is empty") }
        let value = try parseValue(depth: 0)
        skipWhitespace()
        guard index == bytes.count else { throw error("unexpected \(found) after the JSON value") }
        return value
    }

    // MARK: Values

    private mutating func parseValue(depth: Int) throws(ArrayFormatError) -> JSONValue {
        guard depth < Self.maxDepth else { throw error("nested more than \(Self.maxDepth) levels deep") }
        guard let byte = peek else { throw error("unexpected end of input, expected a value") }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject(depth: depth)
        case UInt8(ascii: "["): return try parseArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "N"): try expectWord("NaN"); return .number(.nan)
        case UInt8(ascii: "I"): try expectWord("Infinity"); return .number(.infinity)
        case UInt8(ascii: "-") where peek(at: index + 1) == UInt8(ascii: "I"):
            index += 1
            try expectWord("Infinity")
            return .number(-.infinity)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error("unexpected \(found), expected a value")
        }
    }

    private mutating func parseObject(depth: Int) throws(ArrayFormatError) -> JSONValue {
        index += 1
        var members: [(key: String, value: JSONValue)] = []
        skipWhitespace()
        if peek == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard peek == UInt8(ascii: "\"") else { throw error("expected a string key, found \(found)") }
            let key = try parseString()
            skipWhitespace()
            guard peek == UInt8(ascii: ":") else { throw error("expected ':' after key \"\(key)\", found \(found)") }
            index += 1
            skipWhitespace()
            members.append((key, try parseValue(depth: depth + 1)))
            skipWhitespace()
            switch peek {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return .object(members)
            default: throw error("expected ',' or '}' after an object member, found \(found)")
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(ArrayFormatError) -> JSONValue {
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if peek == UInt8(ascii: "]") { index += 1; return .array(items) }
        while true {
            skipWhitespace()
            items.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            switch peek {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return .array(items)
            default: throw error("expected ',' or ']' after an array element, found \(found)")
            }
        }
    }

    /// Checks the strict JSON number grammar, then lets `Double` do the correctly rounded conversion.
    private mutating func parseNumber() throws(ArrayFormatError) -> Double {
        let start = index
        if peek == UInt8(ascii: "-") { index += 1 }
        guard let first = peek, isDigit(first) else { throw error("expected a digit after '-', found \(found)") }
        index += 1
        if first == UInt8(ascii: "0"), let next = peek, isDigit(next) {
            throw error("numbers must not have leading zeros")
        }
        skipDigits()
        if peek == UInt8(ascii: ".") {
            index += 1
            guard let d = peek, isDigit(d) else { throw error("expected a digit after '.', found \(found)") }
            skipDigits()
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            guard let d = peek, isDigit(d) else { throw error("expected a digit in the exponent, found \(found)") }
            skipDigits()
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(text) else {
            index = start
            throw error("invalid number \(text)")
        }
        return value
    }

    private mutating func parseString() throws(ArrayFormatError) -> String {
        let quote = index
        index += 1
        var buffer: [UInt8] = []
        var runStart = index
        while true {
            guard let byte = peek else {
                index = quote
                throw error("unterminated string")
            }
            if byte == UInt8(ascii: "\"") {
                break
            } else if byte == UInt8(ascii: "\\") {
                buffer += bytes[runStart..<index]
                try parseEscape(into: &buffer)
                runStart = index
            } else if byte < 0x20 {
                throw error("control character \(found) must be escaped in a string")
            } else {
                index += 1
            }
        }
        buffer += bytes[runStart..<index]
        index += 1
        guard let string = String(validating: buffer, as: UTF8.self) else {
            index = quote
            throw error("string is not valid UTF-8")
        }
        return string
    }

    private mutating func parseEscape(into buffer: inout [UInt8]) throws(ArrayFormatError) {
        index += 1
        guard let byte = peek else { throw error("unterminated escape sequence") }
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(byte)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            var code = try parseHex4()
            if (0xD800..<0xDC00).contains(code) {
                // A high surrogate must be followed by an escaped low surrogate.
                guard peek(at: index) == UInt8(ascii: "\\"), peek(at: index + 1) == UInt8(ascii: "u") else {
                    throw error("unpaired surrogate \\u\(String(code, radix: 16, uppercase: true))")
                }
                index += 2
                let low = try parseHex4()
                guard (0xDC00..<0xE000).contains(low) else {
                    throw error("unpaired surrogate \\u\(String(code, radix: 16, uppercase: true))")
                }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(code) else {
                throw error("unpaired surrogate \\u\(String(code, radix: 16, uppercase: true))")
            }
            buffer += Array(String(Character(scalar)).utf8)
        default:
            index -= 2  // Point at the backslash.
            throw error("invalid escape sequence '\\\(Character(Unicode.Scalar(byte)))'")
        }
    }

    private mutating func parseHex4() throws(ArrayFormatError) -> UInt32 {
        var code: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek, let digit = hexValue(byte) else {
                throw error("expected four hex digits after \\u, found \(found)")
            }
            code = code << 4 | digit
            index += 1
        }
        return code
    }

    // MARK: Bytes

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private func peek(at position: Int) -> UInt8? { position < bytes.count ? bytes[position] : nil }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private mutating func skipDigits() {
        while let byte = peek, isDigit(byte) { index += 1 }
    }

    private mutating func skipWhitespace() {
        while let byte = peek,
            byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
        {
            index += 1
        }
    }

    private mutating func expectWord(_ word: StaticString) throws(ArrayFormatError) {
        let start = index
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for byte in expected {
            guard peek == byte else {
                index = start
                throw error("unexpected \(found), expected a value")
            }
            index += 1
        }
    }

    /// The byte at the current position, described for an error message.
    private var found: String {
        guard let byte = peek else { return "end of input" }
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    /// A syntax error at the current position, with its 1-based line and column.
    ///
    /// Columns count Unicode scalars, not bytes, so they match what an editor shows.
    private func error(_ message: String) -> ArrayFormatError {
        var line = 1
        var column = 1
        for byte in bytes[..<min(index, bytes.count)] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]), line == 1 { column -= 1 }
        return .jsonSyntax(source: source, line: line, column: column, message: message)
    }
}
