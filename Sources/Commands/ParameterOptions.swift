import ArgumentParsing
import Thresholding

/// Options built from declared parameters (strategies', scorers'), and the typed values parsed back.
enum ParameterOptions {
    /// One option per parameter key. A key several owners declare (α for every strategy that
    /// has it) appears once, its help naming the owners when they differ.
    static func specs(_ owners: [(owner: String, parameters: [ParameterSpec])]) -> [OptionSpec] {
        var order: [String] = []
        var byKey: [String: [(owner: String, spec: ParameterSpec)]] = [:]
        for (owner, parameters) in owners {
            for p in parameters {
                if byKey[p.key] == nil { order.append(p.key) }
                byKey[p.key, default: []].append((owner, p))
            }
        }
        return order.map { key in
            let uses = byKey[key]!
            let first = uses[0].spec
            let helps = Set(uses.map(\.spec.help))
            let defaults = Set(uses.map { $0.spec.defaultText ?? "" })
            let help: String
            if helps.count == 1 {
                help = first.help + (uses.count > 1 && defaults.count > 1 ? " (" + uses.map { "\($0.owner): \($0.spec.defaultText ?? "none")" }.joined(separator: "; ") + ")" : "")
            } else {
                help = uses.map { u in u.spec.help + (defaults.count > 1 ? " (default \(u.spec.defaultText ?? "none"))" : "") }
                    .joined(separator: " ")
            }
            if case .flag = first.kind { return .flag(key, help: help) }
            return .value(key, first.valueName, help: help, default: defaults.count == 1 ? first.defaultText : nil)
        }
    }

    /// The values of `parameters` given on the command line, parsed and range-checked.
    /// - Throws: ``CommandError/usage(_:command:)`` for a value that does not fit.
    static func values(_ parameters: [ParameterSpec], from args: ParsedArguments, command: String) throws(CommandError) -> ParameterValues {
        var values = ParameterValues(parameters)
        for p in parameters {
            if case .flag = p.kind {
                if args.flag(p.key) { values.set(p.key, .flag(true)) }
            } else if let text = args.string(p.key) {
                do throws(ParameterError) { try values.set(p.key, text: text) } catch { throw CommandError(error, command: command) }
            }
        }
        return values
    }

    /// Keys of `all` that were given but that `used` does not declare.
    static func stray(_ all: [ParameterSpec], used: [ParameterSpec], in args: ParsedArguments) -> [String] {
        let usedKeys = Set(used.map(\.key))
        return all.map(\.key).filter { key in !usedKeys.contains(key) && (args.string(key) != nil || args.flag(key)) }
    }
}
