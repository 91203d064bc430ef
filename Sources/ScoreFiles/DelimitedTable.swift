/// Splits CSV or TSV bytes into rows of fields following RFC 4180.
///
/// Quoted fields may contain delimiters, doubled quotes and line breaks; rows end
/// at LF, CRLF or a lone CR; spaces around fields are trimmed; a leading UTF-8
/// byte order mark is skipped. Fields are byte ranges into the input, so a row
/// costs no allocation unless a field contains an escaped quote.
struct DelimitedTable {
    /// One field of a row: a byte range, unquoted or the inside of the quotes.
    struct Field {
        var range: Range<Int>
        /// Whether the field was quoted; a quoted field is never treated as blank.
        var quoted: Bool
        /// Whether the quoted text contains `""` pairs that stand for one quote.
        var hasEscapedQuotes: Bool
    }

    private let bytes: [UInt8]
    private let delimiter: UInt8
    private var index = 0
    /// The 1-based line the next row starts on.
    private(set) var line = 1

    init(bytes: [UInt8], delimiter: UInt8) {
        self.bytes = bytes
        self.delimiter = delimiter
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    /// Reads the next row into `fields` (reusing its storage) and returns the line it starts on,
    /// or `nil` at the end of the input.
    mutating func nextRow(into fields: inout [Field]) throws(DelimitedTableError) -> Int? {
        guard index < bytes.count else { return nil }
        let rowLine = line
        fields.removeAll(keepingCapacity: true)
        while true {
            fields.append(try nextField(rowLine: rowLine))
            guard index < bytes.count else { return rowLine }
            let byte = bytes[index]
            index += 1
            if byte == delimiter { continue }
            // Otherwise the field ended at a line break.
            if byte == 0x0D, index < bytes.count, bytes[index] == 0x0A { index += 1 }
            line += 1
            return rowLine
        }
    }

    /// The field's text with escaped quotes collapsed.
    func text(of field: Field) -> String {
        let slice = bytes[field.range]
        guard field.hasEscapedQuotes else { return String(decoding: slice, as: UTF8.self) }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(slice.count)
        var previousWasQuote = false
        for byte in slice {
            if byte == 0x22 && previousWasQuote {
                previousWasQuote = false
                continue
            }
            previousWasQuote = byte == 0x22
            unescaped.append(byte)
        }
        return String(decoding: unescaped, as: UTF8.self)
    }

    /// The field's raw bytes; only meaningful for fields without escaped quotes.
    func slice(of field: Field) -> ArraySlice<UInt8> { bytes[field.range] }

    /// Whether a row is an empty or whitespace-only line.
    static func isBlank(_ fields: [Field]) -> Bool {
        fields.count == 1 && !fields[0].quoted && fields[0].range.isEmpty
    }

    /// Reads one field and stops at (not past) the delimiter, line break or end of input.
    private mutating func nextField(rowLine: Int) throws(DelimitedTableError) -> Field {
        skipSpaces()
        guard index < bytes.count, bytes[index] == 0x22 else {
            let start = index
            while index < bytes.count, !isFieldEnd(bytes[index]) { index += 1 }
            var end = index
            while end > start, isSpace(bytes[end - 1]) { end -= 1 }
            return Field(range: start..<end, quoted: false, hasEscapedQuotes: false)
        }
        index += 1
        let start = index
        var escaped = false
        while true {
            guard index < bytes.count else {
                throw DelimitedTableError(line: rowLine, reason: "a quoted field is never closed")
            }
            let byte = bytes[index]
            if byte == 0x22 {
                if index + 1 < bytes.count, bytes[index + 1] == 0x22 {
                    escaped = true
                    index += 2
                    continue
                }
                break
            }
            // Count line breaks inside quotes so later rows report their true line numbers.
            if byte == 0x0A || (byte == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A)) {
                line += 1
            }
            index += 1
        }
        let field = Field(range: start..<index, quoted: true, hasEscapedQuotes: escaped)
        index += 1
        skipSpaces()
        if index < bytes.count, !isFieldEnd(bytes[index]) {
            throw DelimitedTableError(line: line, reason: "unexpected text after a closing quote")
        }
        return field
    }

    private func isFieldEnd(_ byte: UInt8) -> Bool { byte == delimiter || byte == 0x0A || byte == 0x0D }

    private func isSpace(_ byte: UInt8) -> Bool { (byte == 0x20 || byte == 0x09) && byte != delimiter }

    private mutating func skipSpaces() {
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
    }
}

/// A row of delimited text that cannot be split into fields.
struct DelimitedTableError: Error {
    var line: Int
    var reason: String
}
