/// The options, flags and positional arguments found on a command line, with typed accessors.
public struct ParsedArguments: Sendable {
    var values: [String: [String]] = [:]
    var flags: Set<String> = []
    /// Positional arguments, in order.
    public var positionals: [String] = []

    /// Whether a flag was given.
    public func flag(_ name: String) -> Bool { flags.contains(name) }

    /// The raw value of an option, or nil if it was not given (the first, for a repeatable one).
    public func string(_ name: String) -> String? { values[name]?.first }

    /// Every value of a repeatable option, in the order given.
    public func strings(_ name: String) -> [String] { values[name] ?? [] }

    /// The names of the options that were given a value.
    public var givenOptions: Set<String> { Set(values.keys) }

    /// An option parsed as a finite number, or nil if it was not given.
    public func double(_ name: String) throws(UsageError) -> Double? {
        guard let text = values[name]?.first else { return nil }
        guard let v = Double(text), v.isFinite else {
            throw UsageError("--\(name) expects a number, got '\(text)'")
        }
        return v
    }

    /// An option parsed as a finite number, or `defaultValue` if it was not given.
    public func double(_ name: String, default defaultValue: Double) throws(UsageError) -> Double {
        try double(name) ?? defaultValue
    }

    /// An option parsed as an integer, or nil if it was not given.
    public func int(_ name: String) throws(UsageError) -> Int? {
        guard let text = values[name]?.first else { return nil }
        guard let v = Int(text) else { throw UsageError("--\(name) expects a whole number, got '\(text)'") }
        return v
    }

    /// An option whose value must be one of `choices`, or nil if it was not given.
    public func choice(_ name: String, from choices: [String]) throws(UsageError) -> String? {
        guard let text = values[name]?.first else { return nil }
        guard choices.contains(text) else {
            throw UsageError("--\(name) must be one of \(choices.joined(separator: ", ")), got '\(text)'")
        }
        return text
    }

    /// An option that must be present.
    public func required(_ name: String) throws(UsageError) -> String {
        guard let v = values[name]?.first else { throw UsageError("missing required option --\(name)") }
        return v
    }
}
