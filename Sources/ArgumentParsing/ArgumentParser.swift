/// Parses a subcommand's arguments against its spec.
///
/// Accepts `--name value`, `--name=value`, flags, `-h`, and `--` to end options.
/// Anything unknown is a ``UsageError`` that suggests the closest option name.
public enum ArgumentParser {
    public static func parse(_ arguments: [String], spec: CommandSpec) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var i = 0
        var optionsEnded = false
        while i < arguments.count {
            let arg = arguments[i]
            i += 1
            if optionsEnded || !arg.hasPrefix("-") || arg == "-" || isNegativeNumber(arg) {
                guard spec.positionalName != nil else {
                    throw UsageError("\(spec.name): unexpected argument '\(arg)'")
                }
                parsed.positionals.append(arg)
                continue
            }
            if arg == "--" { optionsEnded = true; continue }
            if arg == "-h" { parsed.flags.insert("help"); continue }
            guard arg.hasPrefix("--") else { throw UsageError("\(spec.name): unknown option '\(arg)'") }
            var name = String(arg.dropFirst(2))
            var inlineValue: String?
            if let eq = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            guard let option = spec.option(named: name) else {
                let hint = closest(to: name, in: spec.options.map(\.name)).map { " (did you mean --\($0)?)" } ?? ""
                throw UsageError("\(spec.name): unknown option '--\(name)'\(hint)")
            }
            if option.valueName == nil {
                guard inlineValue == nil else { throw UsageError("--\(name) takes no value") }
                guard !parsed.flags.contains(name) || name == "help" else { throw UsageError("--\(name) was given more than once; give it once") }
                parsed.flags.insert(name)
            } else {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard i < arguments.count else { throw UsageError("--\(name) needs a value (\(option.valueName ?? "VALUE"))") }
                    value = arguments[i]
                    i += 1
                }
                if let earlier = parsed.values[name]?.first, !option.isRepeatable {
                    throw UsageError("--\(name) was given more than once ('\(earlier)' and '\(value)'); give it once")
                }
                parsed.values[name, default: []].append(value)
            }
        }
        return parsed
    }

    /// A value such as `-3.5` passed as an option's value or positional argument is not an option.
    static func isNegativeNumber(_ s: String) -> Bool { Double(s) != nil }

    /// The option name within edit distance 2 of `name`, if any.
    static func closest(to name: String, in names: [String]) -> String? {
        names.map { ($0, editDistance($0, name)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var prev = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let cur = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
                prev = cur
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}
