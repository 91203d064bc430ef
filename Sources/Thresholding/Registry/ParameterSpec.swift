/// One setting of a strategy or scorer, declared once: its key, type, default and help.
///
/// The command line builds its options from these, parses the text a user typed
/// into a typed value, and refuses values out of range before any work starts.
///
/// ```swift
/// let alpha = ParameterSpec.number("alpha", "A", default: 0.05, in: .open(0, 1),
///                                  help: "Target false-alarm rate.")
/// try alpha.parse("0.01")     // .number(0.01)
/// try alpha.parse("1")        // throws: alpha = 1 is out of range: expected a number in (0, 1)
/// ```
public struct ParameterSpec: Sendable, Hashable {
    /// The value types a parameter can take.
    public enum Kind: Sendable, Hashable {
        /// A finite number inside a range.
        case number(NumberRange)
        /// A whole number inside `range`.
        case integer(ClosedRange<Int>)
        /// One of the listed words.
        case choice([String])
        /// Present or absent; takes no value.
        case flag
        /// Two numbers `LO,HI` inside the range with LO ≤ HI.
        case numberPair(NumberRange)
        /// Free text (a name, a path); `list` splits it at commas.
        case text(list: Bool)
    }

    /// The option's name without dashes, e.g. `alpha`.
    public var key: String
    /// The placeholder shown in help, e.g. `A`; empty for a flag.
    public var valueName: String
    public var kind: Kind
    /// Applied when the parameter is not given; nil when it has none (see `defaultDescription`).
    public var defaultValue: ParameterValue?
    /// How help shows the default when it is computed, e.g. `min(0.98, 1 − 2α)`.
    public var defaultDescription: String?
    /// Whether a strategy or scorer cannot be built without it.
    public var isRequired: Bool
    public var help: String

    public init(key: String, valueName: String, kind: Kind, defaultValue: ParameterValue? = nil,
                defaultDescription: String? = nil, isRequired: Bool = false, help: String) {
        self.key = key
        self.valueName = valueName
        self.kind = kind
        self.defaultValue = defaultValue
        self.defaultDescription = defaultDescription
        self.isRequired = isRequired
        self.help = help
    }

    /// A number parameter.
    public static func number(_ key: String, _ valueName: String, default value: Double? = nil, in range: NumberRange = .any,
                              defaultDescription: String? = nil, required: Bool = false, help: String) -> ParameterSpec {
        ParameterSpec(key: key, valueName: valueName, kind: .number(range), defaultValue: value.map(ParameterValue.number),
                      defaultDescription: defaultDescription, isRequired: required, help: help)
    }

    /// A whole-number parameter.
    public static func integer(_ key: String, _ valueName: String, default value: Int? = nil,
                               in range: ClosedRange<Int> = Int.min...Int.max, defaultDescription: String? = nil,
                               help: String) -> ParameterSpec {
        ParameterSpec(key: key, valueName: valueName, kind: .integer(range), defaultValue: value.map(ParameterValue.integer),
                      defaultDescription: defaultDescription, help: help)
    }

    /// A parameter that takes one of `choices`.
    public static func choice(_ key: String, _ choices: [String], default value: String? = nil,
                              defaultDescription: String? = nil, help: String) -> ParameterSpec {
        ParameterSpec(key: key, valueName: choices.joined(separator: "|"), kind: .choice(choices),
                      defaultValue: value.map(ParameterValue.text), defaultDescription: defaultDescription, help: help)
    }

    /// A flag: false unless given.
    public static func flag(_ key: String, help: String) -> ParameterSpec {
        ParameterSpec(key: key, valueName: "", kind: .flag, defaultValue: .flag(false), help: help)
    }

    /// Two numbers `LO,HI`.
    public static func numberPair(_ key: String, default value: (Double, Double)? = nil, in range: NumberRange = .any,
                                  help: String) -> ParameterSpec {
        ParameterSpec(key: key, valueName: "LO,HI", kind: .numberPair(range),
                      defaultValue: value.map { ParameterValue.pair($0.0, $0.1) }, help: help)
    }

    /// Free text, or a comma-separated list of words.
    public static func text(_ key: String, _ valueName: String, default value: String? = nil, list: Bool = false,
                            help: String) -> ParameterSpec {
        ParameterSpec(key: key, valueName: valueName, kind: .text(list: list), defaultValue: value.map(ParameterValue.text),
                      help: help)
    }

    /// The default as help shows it, if there is one.
    public var defaultText: String? {
        defaultDescription ?? defaultValue.flatMap { v in
            if case .flag = v { return nil }
            return v.description
        }
    }

    /// Parses what a user typed for this parameter.
    /// - Throws: ``ParameterError`` naming the key, the text and what was expected.
    /// - Complexity: O(length of `text`).
    public func parse(_ text: String) throws(ParameterError) -> ParameterValue {
        func refuse(_ expected: String) -> ParameterError { ParameterError(key: key, text: text, expected: expected) }
        switch kind {
        case .number(let range):
            guard let v = Self.number(text) else { throw refuse("a number") }
            guard range.contains(v) else { throw refuse(range.description) }
            return .number(v)
        case .integer(let range):
            guard let v = Int(text.trimmingWhitespace) else { throw refuse("a whole number") }
            guard range.contains(v) else { throw refuse("a whole number in \(range.lowerBound)...\(range.upperBound)") }
            return .integer(v)
        case .choice(let choices):
            guard choices.contains(text) else { throw refuse("one of \(choices.joined(separator: ", "))") }
            return .text(text)
        case .flag:
            throw refuse("no value (it is a flag)")
        case .numberPair(let range):
            let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Self.number(String($0)) }
            guard parts.count == 2, let lo = parts[0], let hi = parts[1], lo <= hi, range.contains(lo), range.contains(hi) else {
                throw refuse("LO,HI with LO ≤ HI, each \(range.description)")
            }
            return .pair(lo, hi)
        case .text(let list):
            guard !text.isEmpty, !text.contains("\0") else { throw refuse("a non-empty value") }
            if list, text.split(separator: ",", omittingEmptySubsequences: false).contains(where: { $0.isEmpty }) {
                throw refuse("a comma-separated list without empty items")
            }
            return .text(text)
        }
    }

    /// A finite decimal number; no hexadecimal, no NaN or infinity, no surrounding junk.
    static func number(_ text: String) -> Double? {
        let t = text.trimmingWhitespace
        guard !t.isEmpty, !t.contains(where: { $0 == "x" || $0 == "X" || $0 == "p" || $0 == "P" }),
              let v = Double(t), v.isFinite else { return nil }
        return v
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
