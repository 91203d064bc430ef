import ArrayFormats
import Foundation
import Thresholding

extension DatasetComparisonResult {
    /// How the test images of one category fared at a threshold.
    public struct CategoryBreakdown: Sendable, Hashable {
        /// The test folder's name, e.g. `good` or `broken_large`.
        public var category: String
        public var isAnomalous: Bool
        public var count: Int
        /// Images scored at or above the threshold.
        public var flagged: Int
        /// flagged/count with its 95% Clopper–Pearson interval: the recall of a defect type,
        /// the false-positive rate of good images.
        public var rate: BinomialInterval
    }

    /// The test images a threshold gets wrong, worst first.
    public struct Mistakes: Sendable, Hashable {
        /// Good images scored at or above the threshold, highest score first; at most the limit.
        public var falseAlarms: [ScoredImage]
        /// How many good images were flagged in all.
        public var falseAlarmCount: Int
        /// Anomalous images scored below the threshold, lowest score first; at most the limit.
        public var misses: [ScoredImage]
        /// How many anomalous images were missed in all.
        public var missCount: Int
    }

    /// The fitted threshold of the recommended strategy; nil when it could not be fitted.
    public var recommendedThreshold: Double? {
        comparison.entries.first { $0.name == recommended.strategy }?.fitted?.value
    }

    /// The share of calibration scores at or above `threshold`, with its 95% Clopper–Pearson interval.
    ///
    /// For strategies fitted on these very scores (all but the oracles) this is an in-sample
    /// figure: conformal, for one, is at most α here by construction.
    /// - Returns: nil without calibration scores or for a NaN threshold.
    /// - Complexity: O(n) plus two Beta quantiles.
    public func estimatedFPR(threshold: Double) -> BinomialInterval? {
        try? BinomialInterval.falseAlarmRate(threshold: threshold, heldOutNormal: calibrationScores)
    }

    /// Count, flagged images and rate per test category at `threshold`: good first, then the defect types by name.
    /// - Complexity: O(n log n) in the number of test images.
    public func categoryBreakdown(threshold: Double) -> [CategoryBreakdown] {
        let byCategory = Dictionary(grouping: test, by: \.category)
        let names = byCategory.keys.sorted { a, b in
            let ga = byCategory[a]!.contains { !$0.isAnomalous }, gb = byCategory[b]!.contains { !$0.isAnomalous }
            return ga != gb ? ga : a < b
        }
        return names.compactMap { name in
            let images = byCategory[name]!
            let flagged = images.filter { $0.score >= threshold }.count
            guard let rate = try? BinomialInterval.clopperPearson(successes: flagged, trials: images.count) else { return nil }
            return CategoryBreakdown(category: name, isAnomalous: images.contains(where: \.isAnomalous), count: images.count,
                                     flagged: flagged, rate: rate)
        }
    }

    /// The false alarms and misses at `threshold`, each list cut to the `limit` worst.
    /// - Complexity: O(n log n).
    public func mistakes(threshold: Double, limit: Int = 50) -> Mistakes {
        let falseAlarms = test.filter { !$0.isAnomalous && $0.score >= threshold }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.path < $1.path }
        let misses = test.filter { $0.isAnomalous && $0.score < threshold }
            .sorted { $0.score != $1.score ? $0.score < $1.score : $0.path < $1.path }
        return Mistakes(falseAlarms: Array(falseAlarms.prefix(limit)), falseAlarmCount: falseAlarms.count,
                        misses: Array(misses.prefix(limit)), missCount: misses.count)
    }

    /// The date in ISO 8601, UTC, to the second.
    public var isoDate: String? {
        date.map { d in
            let f = ISO8601DateFormatter()
            f.timeZone = TimeZone(identifier: "UTC")
            return f.string(from: d)
        }
    }

    /// The provenance and breakdown members of report.json.
    func breakdownJSON(limit: Int = 50) -> [(key: String, value: JSONValue)] {
        var fields: [(key: String, value: JSONValue)] = [
            ("seed", seed.map { $0 <= 1 << 53 ? JSONValue.number(Double($0)) : .string(String($0)) } ?? .null),
            ("command_line", commandLine.map(JSONValue.string) ?? .null),
            ("version", version.map(JSONValue.string) ?? .null),
            ("date", isoDate.map(JSONValue.string) ?? .null),
        ]
        guard let t = recommendedThreshold, !t.isNaN else {
            return fields + [("per_category", .null), ("false_alarms", .null), ("misses", .null)]
        }
        fields.append(("per_category", .array(categoryBreakdown(threshold: t).map { c in
            .object([
                ("category", .string(c.category)), ("anomalous", .bool(c.isAnomalous)), ("count", .number(Double(c.count))),
                ("flagged", .number(Double(c.flagged))), ("measure", .string(c.isAnomalous ? "recall" : "fpr")),
                ("rate", .number(c.rate.estimate)), ("rate_interval", .array([.number(c.rate.lower), .number(c.rate.upper)])),
            ])
        })))
        let m = mistakes(threshold: t, limit: limit)
        func list(_ images: [ScoredImage], count: Int) -> JSONValue {
            .object([("count", .number(Double(count))), ("listed", .array(images.map { i in
                .object([("file", .string(i.path)), ("category", .string(i.category)), ("score", .number(i.score)),
                         ("p_value", JSONValue(number: i.pValue))])
            }))])
        }
        fields.append(("false_alarms", list(m.falseAlarms, count: m.falseAlarmCount)))
        fields.append(("misses", list(m.misses, count: m.missCount)))
        return fields
    }
}
