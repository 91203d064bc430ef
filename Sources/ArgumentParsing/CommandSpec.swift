/// What a subcommand accepts: its options, flags and positional arguments.
public struct CommandSpec: Sendable {
    public var name: String
    public var summary: String
    /// Free text appended to the generated help (examples, notes).
    public var discussion: String
    public var options: [OptionSpec]
    /// The name shown for positional arguments, or nil if none are accepted.
    public var positionalName: String?
    /// How many positional arguments the command takes at most (nil: any number), so help
    /// can show `IN OUT` rather than `[IN OUT ...]` when it takes exactly two.
    public var positionalLimit: Int?

    public init(
        name: String, summary: String, discussion: String = "", options: [OptionSpec], positionalName: String? = nil,
        positionalLimit: Int? = nil
    ) {
        self.name = name
        self.summary = summary
        self.discussion = discussion
        self.options = options + [.flag("help", help: "Show this help and exit.")]
        self.positionalName = positionalName
        self.positionalLimit = positionalLimit
    }

    func option(named name: String) -> OptionSpec? { options.first { $0.name == name } }
}

/// One `--name` option or flag.
public struct OptionSpec: Sendable {
    public var name: String
    /// The placeholder in help, e.g. `FILE`; nil for a flag that takes no value.
    public var valueName: String?
    public var help: String
    /// The default shown in help; parsing does not apply it (callers do, typed).
    public var defaultDescription: String?
    /// Whether the option may be given several times (each value is kept, in order); a repeated
    /// single-valued option is a usage error rather than a silent "last one wins".
    public var isRepeatable: Bool = false

    /// An option that takes a value: `--name VALUE` or `--name=VALUE`.
    public static func value(_ name: String, _ valueName: String, help: String, default def: String? = nil,
                             repeatable: Bool = false) -> OptionSpec {
        OptionSpec(name: name, valueName: valueName, help: help, defaultDescription: def, isRepeatable: repeatable)
    }

    /// A flag that takes no value: `--name`.
    public static func flag(_ name: String, help: String) -> OptionSpec {
        OptionSpec(name: name, valueName: nil, help: help, defaultDescription: nil)
    }
}
