/// A parsed parameter value.
public enum ParameterValue: Sendable, Hashable, CustomStringConvertible {
    case number(Double)
    case integer(Int)
    case text(String)
    case flag(Bool)
    case pair(Double, Double)

    public var description: String {
        switch self {
        case .number(let x): return ParameterValue.shortText(x)
        case .integer(let i): return String(i)
        case .text(let s): return s
        case .flag(let b): return b ? "on" : "off"
        case let .pair(a, b): return "\(ParameterValue.shortText(a)),\(ParameterValue.shortText(b))"
        }
    }

    /// The shortest text that reads back as `x` (integers without ".0").
    static func shortText(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return "\(x)"
    }
}

/// A parameter value that does not fit its declaration; the command line reports it as a usage error.
///
/// Only the parameter parsers raise these (with the memberwise initialiser), so there is no public one.
public struct ParameterError: Error, Sendable, Hashable, CustomStringConvertible {
    public var key: String
    public var text: String
    public var expected: String

    /// "--alpha expects a number in (0, 1), got '1'", or for a missing value just `expected`.
    public var description: String { text.isEmpty ? expected : "--\(key) expects \(expected), got '\(text)'" }
}

/// The values given for a set of declared parameters, with each declaration's default behind them.
///
/// ```swift
/// var values = ParameterValues(ConformalThreshold.descriptor.parameters)
/// try values.set("alpha", text: "0.01")
/// values.number("alpha")        // 0.01; the default 0.05 when not set
/// ```
public struct ParameterValues: Sendable {
    public private(set) var specs: [ParameterSpec]
    private var given: [String: ParameterValue] = [:]

    public init(_ specs: [ParameterSpec] = [], given: [String: ParameterValue] = [:]) {
        self.specs = specs
        self.given = given
    }

    /// Parses and stores `text` for `key`.
    /// - Throws: ``ParameterError`` when `key` is not declared or the text does not fit.
    public mutating func set(_ key: String, text: String) throws(ParameterError) {
        guard let spec = specs.first(where: { $0.key == key }) else {
            throw ParameterError(key: key, text: text, expected: "nothing: it is not a parameter here")
        }
        given[key] = try spec.parse(text)
    }

    /// Stores an already typed value.
    public mutating func set(_ key: String, _ value: ParameterValue) { given[key] = value }

    /// Whether the user gave `key` (rather than its default applying).
    public func isGiven(_ key: String) -> Bool { given[key] != nil }

    /// The keys the user gave, in declaration order.
    public var givenKeys: [String] { specs.map(\.key).filter { given[$0] != nil } }

    /// The given value, else the declared default.
    public func value(_ key: String) -> ParameterValue? {
        given[key] ?? specs.first { $0.key == key }?.defaultValue
    }

    public func number(_ key: String) -> Double? {
        switch value(key) {
        case .number(let x): return x
        case .integer(let i): return Double(i)
        default: return nil
        }
    }

    public func integer(_ key: String) -> Int? {
        if case .integer(let i) = value(key) { return i }
        return nil
    }

    public func text(_ key: String) -> String? {
        if case .text(let s) = value(key) { return s }
        return nil
    }

    public func flag(_ key: String) -> Bool {
        if case .flag(let b) = value(key) { return b }
        return false
    }

    public func pair(_ key: String) -> (Double, Double)? {
        if case let .pair(a, b) = value(key) { return (a, b) }
        return nil
    }
}
