extension ScoreFileFormat {
    /// The format bytes without a name are in (standard input), recognised from their start.
    ///
    /// The `.npy` magic string gives `.npy`; a first meaningful line (blank lines and `#`
    /// comments skipped) starting with `[` or `{` gives JSON; one holding a tab gives TSV,
    /// a comma CSV; a number gives plain text, and any other word a one-column CSV header.
    /// Empty input is plain text (an empty set).
    /// - Complexity: O(length of the first meaningful line).
    public init(content bytes: [UInt8]) {
        if bytes.starts(with: [0x93] + Array("NUMPY".utf8)) {
            self = .npy
            return
        }
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var first = start, last = end
            while first < last, Self.isSpace(bytes[first]) { first += 1 }
            while last > first, Self.isSpace(bytes[last - 1]) { last -= 1 }
            if first < last, bytes[first] != UInt8(ascii: "#") {
                let line = bytes[first..<last]
                if line.first == UInt8(ascii: "[") || line.first == UInt8(ascii: "{") { self = .json }
                else if line.contains(0x09) { self = .tsv }
                else if line.contains(UInt8(ascii: ",")) { self = .csv }
                else { self = Double(String(decoding: line, as: UTF8.self)) != nil ? .text : .csv }
                return
            }
            start = end + 1
        }
        self = .text
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
}
