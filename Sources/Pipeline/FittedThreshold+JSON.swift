import ArrayFormats
import Thresholding

extension FittedThreshold {
    /// The one JSON form of a fitted threshold, as `threshold --json` prints it and detector
    /// files and `fit --json` embed it: `{"strategy", "threshold", "target_fpr", …details, …expectation, "warnings"}`,
    /// where the expectation keys are those of ``ThresholdExpectation`` (`expected_fpr`,
    /// `expected_fpr_interval`, `estimated_tpr`, `guarantee`, …).
    /// Details are numbers (null when undefined).
    public var json: JSONValue {
        var fields: [(key: String, value: JSONValue)] = [
            ("strategy", .string(strategy)), ("threshold", .number(value)), ("target_fpr", JSONValue(number: targetFPR)),
        ]
        fields += details.map { ($0.name, JSONValue(number: $0.value)) }
        fields += expectation?.jsonFields ?? []
        if let reason { fields.append(("reason", .string(reason))) }
        fields.append(("warnings", .array(warnings.map(JSONValue.string))))
        return .object(fields)
    }

    /// The keys of ``json`` that are not details.
    static let reservedKeys: Set<String> = Set(["strategy", "threshold", "target_fpr", "warnings", "reason"])
        .union(ThresholdExpectation.jsonKeys)

    /// Reads ``json`` back.
    /// - Throws: ``ArchiveFieldError`` naming the first missing or malformed field.
    public init(json: JSONValue) throws(ArchiveFieldError) {
        let record = ArchiveRecord(settings: json)
        guard let members = json.objectValue else { throw ArchiveFieldError(field: "", reason: "must be an object") }
        var details: [Detail] = []
        for (key, value) in members where !Self.reservedKeys.contains(key) {
            if value.isNull {
                details.append(Detail(key, .nan))  // an undefined rate is written as null
            } else if let number = value.doubleValue, number.isFinite {
                details.append(Detail(key, number))
            } else {
                throw ArchiveFieldError(field: key, reason: "must be a number or null")
            }
        }
        self.init(strategy: try record.string("strategy"), value: try record.double("threshold"),
                  targetFPR: try record.optionalDouble("target_fpr"), details: details,
                  warnings: try record.strings("warnings"), expectation: try ThresholdExpectation(json: json))
        if record.has("reason") { reason = try record.string("reason") }
    }

    /// Reads the nested form detector files of format version 1 held:
    /// `{"strategy", "value", "target_fpr", "details": {…}, "warnings": […]}`.
    init(version1 json: JSONValue) throws(ArchiveFieldError) {
        let record = ArchiveRecord(settings: json)
        guard let members = try record.value("details").objectValue else {
            throw ArchiveFieldError(field: "details", reason: "must be an object")
        }
        var details: [Detail] = []
        for (key, value) in members {
            if value.isNull {
                details.append(Detail(key, .nan))
            } else if let number = value.doubleValue, number.isFinite {
                details.append(Detail(key, number))
            } else {
                throw ArchiveFieldError(field: "details.\(key)", reason: "must be a number or null")
            }
        }
        self.init(strategy: try record.string("strategy"), value: try record.double("value"),
                  targetFPR: try record.optionalDouble("target_fpr"), details: details,
                  warnings: try record.strings("warnings"))
    }
}
