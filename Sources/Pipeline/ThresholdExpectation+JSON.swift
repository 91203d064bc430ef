import ArrayFormats
import Thresholding

extension ThresholdExpectation {
    /// The keys a fitted threshold's JSON gains: `expected_fpr`, `expected_fpr_interval`
    /// ([low, high], 95%), `estimated_tpr` (null without anomalous scores) and its interval,
    /// `guarantee` (one line),
    /// then what it takes to read them back: `guarantee_holds`, `guarantee_bound`,
    /// `guarantee_basis`, `expectation_basis`, `false_alarms` [k, n], `detections` [k, n] or null,
    /// `folds` (0 when counted in-sample), `anomaly_source`.
    var jsonFields: [(key: String, value: JSONValue)] {
        let bound: Double?, basis: String?
        switch guarantee {
        case .falseAlarmBound(let b, let text): (bound, basis) = (b, text)
        case .estimate(let text): (bound, basis) = (nil, text)
        case .given: (bound, basis) = (nil, nil)
        }
        let folds: Int
        switch method {
        case .crossFitted(let k): folds = k
        case .inSample: folds = 0
        }
        func pair(_ i: BinomialInterval?) -> JSONValue {
            i.map { .array([.number(Double($0.successes)), .number(Double($0.trials))]) } ?? .null
        }
        return [
            ("expected_fpr", .number(expectedFPR)),
            ("expected_fpr_interval", .array([.number(falseAlarms.lower), .number(falseAlarms.upper)])),
            ("estimated_tpr", JSONValue(number: estimatedTPR)),
            ("estimated_tpr_interval", detections.map { .array([.number($0.lower), .number($0.upper)]) } ?? .null),
            ("guarantee", .string(guarantee.text)),
            ("guarantee_holds", .bool(guarantee.isGuarantee)),
            ("guarantee_bound", JSONValue(number: bound)),
            ("guarantee_basis", basis.map(JSONValue.string) ?? .null),
            ("expectation_basis", .string(self.basis)),
            ("false_alarms", pair(falseAlarms)),
            ("detections", pair(detections)),
            ("folds", .number(Double(folds))),
            ("anomaly_source", .string(anomalySource)),
        ]
    }

    /// Every key ``jsonFields`` writes, so a threshold reader does not take them for details.
    static let jsonKeys: Set<String> = [
        "expected_fpr", "expected_fpr_interval", "estimated_tpr", "estimated_tpr_interval", "guarantee", "guarantee_holds", "guarantee_bound",
        "guarantee_basis", "expectation_basis", "false_alarms", "detections", "folds", "anomaly_source",
    ]

    /// Reads ``jsonFields`` back from a threshold object; nil when it has none (files written
    /// before expectations existed).
    /// - Throws: ``ArchiveFieldError`` naming a malformed field.
    init?(json: JSONValue) throws(ArchiveFieldError) {
        let record = ArchiveRecord(settings: json)
        guard record.has("false_alarms") else { return nil }
        // The counts, with the stated interval (which may be wider than Clopper–Pearson's).
        func interval(_ key: String, bounds: String) throws(ArchiveFieldError) -> BinomialInterval? {
            if try record.value(key).isNull { return nil }
            let kn = try record.ints(key, in: 0...Int.max)
            guard kn.count == 2, kn[1] >= 1, kn[0] <= kn[1],
                  var i = try? BinomialInterval.clopperPearson(successes: kn[0], trials: kn[1])
            else { throw ArchiveFieldError(field: key, reason: "must be [k, n] with 0 ≤ k ≤ n and n ≥ 1") }
            guard let ends = try record.value(bounds).arrayValue?.compactMap(\.doubleValue), ends.count == 2,
                  0 <= ends[0], ends[0] <= ends[1], ends[1] <= 1
            else { throw ArchiveFieldError(field: bounds, reason: "must be [low, high] with 0 ≤ low ≤ high ≤ 1") }
            (i.lower, i.upper) = (ends[0], ends[1])
            return i
        }
        guard let falseAlarms = try interval("false_alarms", bounds: "expected_fpr_interval") else {
            throw ArchiveFieldError(field: "false_alarms", reason: "must be [k, n]")
        }
        let guarantee: ThresholdGuarantee
        if let bound = try record.optionalDouble("guarantee_bound") {
            guarantee = .falseAlarmBound(bound, basis: try record.string("guarantee_basis"))
        } else if try record.value("guarantee_basis").isNull {
            guarantee = .given
        } else {
            guarantee = .estimate(basis: try record.string("guarantee_basis"))
        }
        let folds = try record.int("folds", in: 0...Int.max)
        self.init(falseAlarms: falseAlarms, detections: try interval("detections", bounds: "estimated_tpr_interval"), guarantee: guarantee,
                  method: folds == 0 ? .inSample : .crossFitted(folds: folds),
                  anomalySource: try record.string("anomaly_source"))
    }
}
