import ArrayFormats

/// Reads scores from JSON: an array of numbers, or `{"scores": [...], "labels": [...]}`.
enum JSONScores {
    static func read(_ json: JSONValue, source: String, options: ScoreFileOptions) throws(ScoreFileError) -> ScoreSet {
        let scoresKey = options.jsonScoresKey
        let scoreValues: [JSONValue]
        var labelValues: [JSONValue]?
        switch json {
        case let .array(items):
            scoreValues = items
        case let .object(members):
            guard let scores = json[scoresKey] else {
                throw .missingScores(source: source, key: scoresKey, keys: members.map(\.key))
            }
            guard case let .array(items) = scores else {
                throw .unexpectedJSON(source: source, path: scoresKey, expected: "an array", found: scores.kindDescription)
            }
            scoreValues = items
            if let labels = json[options.jsonLabelsKey], !labels.isNull {
                guard case let .array(items) = labels else {
                    throw .unexpectedJSON(
                        source: source, path: options.jsonLabelsKey, expected: "an array", found: labels.kindDescription)
                }
                labelValues = items
            }
        default:
            throw .unexpectedJSON(
                source: source, path: "the top level", expected: "an array of scores or an object",
                found: json.kindDescription)
        }
        if let labelValues, labelValues.count != scoreValues.count {
            throw .countMismatch(source: source, scores: scoreValues.count, labels: labelValues.count)
        }

        var collector = ScoreCollector(source: source, policy: options.nonFinite, capacity: scoreValues.count)
        for (i, value) in scoreValues.enumerated() {
            let location = ScoreLocation.element(array: scoresKey, index: i)
            guard case let .number(score) = value else {
                throw .unexpectedJSON(source: source, path: location.description, expected: "a number", found: value.kindDescription)
            }
            var label: Bool?
            if let labelValues {
                let labelLocation = ScoreLocation.element(array: options.jsonLabelsKey, index: i)
                label = try parseLabel(labelValues[i], source: source, at: labelLocation)
            }
            try collector.add(score, label: label, text: nonFiniteText(score), at: location)
        }
        return collector.scoreSet(hasLabels: labelValues != nil)
    }

    /// A label written as 0/1, true/false, or one of the textual labels CSV files accept.
    private static func parseLabel(_ value: JSONValue, source: String, at location: ScoreLocation) throws(ScoreFileError) -> Bool {
        switch value {
        case let .bool(b): return b
        case let .number(n) where n == 0 || n == 1: return n == 1
        case let .string(s):
            if let label = ScoreFiles.parseLabel(s) { return label }
        default: break
        }
        throw .invalidLabel(source: source, location: location, text: value.serialized())
    }
}
