/// Reads scores from CSV or TSV bytes with a header row.
enum DelimitedScores {
    /// - Complexity: O(n) in the number of bytes; one small string per score field.
    static func read(
        _ bytes: [UInt8], delimiter: UInt8, source: String, options: ScoreFileOptions
    ) throws(ScoreFileError) -> ScoreSet {
        var table = DelimitedTable(bytes: bytes, delimiter: delimiter)
        var fields: [DelimitedTable.Field] = []

        // Leading blank lines are skipped; an entirely empty file is an empty set.
        var header: [String] = []
        while header.isEmpty {
            guard try nextRow(&table, &fields, source: source) != nil else {
                return ScoreSet(source: source, scores: [], labels: nil)
            }
            if !DelimitedTable.isBlank(fields) { header = fields.map { table.text(of: $0) } }
        }

        guard let scoreColumn = column(named: options.column, in: header) else {
            throw .missingColumn(source: source, column: options.column, available: header)
        }
        let labelColumn = column(named: options.labelColumn, in: header)
        if labelColumn == nil && options.requiresLabelColumn {
            throw .missingColumn(source: source, column: options.labelColumn, available: header)
        }

        var collector = ScoreCollector(source: source, policy: options.nonFinite, capacity: bytes.count / 8)
        var pendingBlankLine: Int?
        while let line = try nextRow(&table, &fields, source: source) {
            if DelimitedTable.isBlank(fields) {
                pendingBlankLine = pendingBlankLine ?? line
                continue
            }
            // Blank lines are only harmless at the end, where editors leave them.
            if let blank = pendingBlankLine { throw .blankLine(source: source, line: blank) }
            guard fields.count == header.count else {
                throw .fieldCount(source: source, line: line, expected: header.count, found: fields.count)
            }
            let location = ScoreLocation.line(line)
            let scoreField = fields[scoreColumn]
            let score = scoreField.hasEscapedQuotes
                ? try parseScore(ArraySlice(table.text(of: scoreField).utf8), source: source, at: location)
                : try parseScore(table.slice(of: scoreField), source: source, at: location)
            var label: Bool?
            if let labelColumn {
                let text = table.text(of: fields[labelColumn])
                guard let parsed = parseLabel(text) else {
                    throw .invalidLabel(source: source, location: location, text: text)
                }
                label = parsed
            }
            try collector.add(score.value, label: label, text: score.text, at: location)
        }
        return collector.scoreSet(hasLabels: labelColumn != nil)
    }

    /// The index of the column named `name`: an exact match, else the only case-insensitive one.
    static func column(named name: String, in header: [String]) -> Int? {
        if let exact = header.firstIndex(of: name) { return exact }
        let lowered = name.lowercased()
        let matches = header.indices.filter { header[$0].lowercased() == lowered }
        return matches.count == 1 ? matches[0] : nil
    }

    private static func nextRow(
        _ table: inout DelimitedTable, _ fields: inout [DelimitedTable.Field], source: String
    ) throws(ScoreFileError) -> Int? {
        do {
            return try table.nextRow(into: &fields)
        } catch {
            throw .malformedRow(source: source, line: error.line, reason: error.reason)
        }
    }
}
