/// Reads the whitespace-separated ASCII tokens of a Netpbm header or plain raster.
///
/// Whitespace is space, TAB, CR, LF, VT and FF; `#` starts a comment that runs
/// to the end of the line and counts as whitespace, as in the Netpbm spec.
struct PNMScanner {
    let bytes: [UInt8]
    let file: String
    var position: Int

    init(bytes: [UInt8], file: String, position: Int = 0) {
        self.bytes = bytes
        self.file = file
        self.position = position
    }

    static func isWhitespace(_ b: UInt8) -> Bool {
        b == 0x20 || (0x09...0x0D).contains(b)
    }

    /// Skips whitespace and comments.
    mutating func skipWhitespace() {
        while position < bytes.count {
            let b = bytes[position]
            if Self.isWhitespace(b) {
                position += 1
            } else if b == UInt8(ascii: "#") {
                while position < bytes.count && bytes[position] != 0x0A && bytes[position] != 0x0D { position += 1 }
            } else {
                return
            }
        }
    }

    /// The next unsigned decimal number, no larger than `limit`.
    /// - Parameter what: names the field in error messages ("width", "sample 12").
    mutating func number(_ what: String, limit: Int) throws(ImagingError) -> Int {
        skipWhitespace()
        guard position < bytes.count else { throw .corrupt(file: file, reason: "file ends before the \(what)") }
        var value = 0
        var digits = 0
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
            value = value * 10 + Int(bytes[position] - UInt8(ascii: "0"))
            digits += 1
            position += 1
            guard value <= limit else { throw .corrupt(file: file, reason: "\(what) exceeds \(limit)") }
        }
        guard digits > 0 else {
            throw .corrupt(file: file, reason: "expected a decimal number for the \(what), found byte 0x\(String(bytes[position], radix: 16))")
        }
        if position < bytes.count && !Self.isWhitespace(bytes[position]) && bytes[position] != UInt8(ascii: "#") {
            throw .corrupt(file: file, reason: "the \(what) is followed by byte 0x\(String(bytes[position], radix: 16)), not whitespace")
        }
        return value
    }

    /// The next plain-bitmap bit: '0' or '1', which need no separators.
    mutating func bit(_ what: String) throws(ImagingError) -> Bool {
        skipWhitespace()
        guard position < bytes.count else { throw .corrupt(file: file, reason: "file ends before \(what)") }
        let b = bytes[position]
        guard b == UInt8(ascii: "0") || b == UInt8(ascii: "1") else {
            throw .corrupt(file: file, reason: "\(what) is byte 0x\(String(b, radix: 16)), not 0 or 1")
        }
        position += 1
        return b == UInt8(ascii: "1")
    }
}
