/// Reads plain text with one score per line.
enum TextScores {
    /// Blank lines and lines starting with `#` are skipped; lines may end in LF or CRLF.
    ///
    /// - Complexity: O(n) in the number of bytes.
    static func read(_ bytes: [UInt8], source: String, options: ScoreFileOptions) throws(ScoreFileError) -> ScoreSet {
        var collector = ScoreCollector(source: source, policy: options.nonFinite, capacity: bytes.count / 8)
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var first = start, last = end
            while first < last, isSpace(bytes[first]) { first += 1 }
            while last > first, isSpace(bytes[last - 1]) { last -= 1 }
            if first < last, bytes[first] != UInt8(ascii: "#") {
                let location = ScoreLocation.line(line)
                let score = try parseScore(bytes[first..<last], source: source, at: location)
                try collector.add(score.value, label: nil, text: score.text, at: location)
            }
            start = end + 1
            line += 1
        }
        return collector.scoreSet(hasLabels: false)
    }

    /// Spaces, tabs and the CR of a CRLF line ending.
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
}
