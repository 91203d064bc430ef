import ArgumentParsing
import Foundation
import Testing
@testable import Commands

/// What `--help` and README's CLI reference promise about every option.
@Suite struct CLIHelpTests {
    static let commands = ThresholdKitCLI.subcommands.map(\.spec)

    /// The help line of `--name` in a command's help text.
    static func line(_ option: String, in help: String) -> String? {
        help.split(separator: "\n").first { $0.hasPrefix("  --\(option) ") || $0 == "  --\(option)" }.map(String.init)
    }

    @Test(arguments: commands.map(\.name))
    func helpListsEveryOptionWithItsDefault(_ name: String) throws {
        let spec = try #require(Self.commands.first { $0.name == name })
        let r = runCLI([name, "--help"])
        #expect(r.code == 0)
        #expect(r.stderr.isEmpty)
        #expect(r.stdout.hasPrefix("USAGE: thresholdkit \(name)"))
        for option in spec.options {
            let line = try #require(Self.line(option.name, in: r.stdout), "--\(option.name) missing from \(name) --help")
            if let value = option.valueName { #expect(line.hasPrefix("  --\(option.name) \(value) ")) }
            if let def = option.defaultDescription {
                #expect(line.contains("(default: \(def))"), "\(name) --\(option.name): \(line)")
            } else {
                #expect(!line.contains("(default: "), "\(name) --\(option.name) states a default it does not have: \(line)")
            }
            #expect(line.contains("May be given several times.") == option.isRepeatable, "\(name) --\(option.name)")
            #expect(line.components(separatedBy: "(default:").count <= 2, "\(name) --\(option.name) shows two defaults")
        }
        #expect(r.stdout.hasSuffix(ThresholdKitCLI.exitCodesHelp + "\n"))
        for code in ["0  success", "1  the data or a file", "2  usage"] { #expect(r.stdout.contains(code)) }
    }

    /// The rules of issue 12: where --force applies and what it costs without, `-`, re-thresholding, the cache.
    @Test func helpStatesWhereEachRuleApplies() throws {
        func help(_ name: String) -> String { runCLI([name, "--help"]).stdout }
        let scoreFileOptions = ["threshold": ["normal", "anomalous", "batch"], "compare": ["normal", "test"],
                                "label": ["normal", "anomalous", "input"], "metrics": ["test"]]
        for (name, options) in scoreFileOptions {
            for option in options {
                #expect(Self.line(option, in: help(name))?.contains("'-' reads standard input") == true, "\(name) --\(option)")
            }
        }
        for name in ["fit", "predict", "features", "synthesize"] {
            #expect(!(help(name).split(separator: "\n").contains { $0.contains("'-' reads standard input") }), "\(name) reads no score file")
        }
        let force = [("fit", "not a detector"), ("predict", "--maps"), ("compare", "non-empty --report folder")]
        for (name, what) in force {
            let line = try #require(Self.line("force", in: help(name)))
            #expect(line.contains(what) && line.contains("refused, exit 1"), "\(name): \(line)")
        }
        for name in ["fit", "predict", "features", "compare"] {
            let line = try #require(Self.line("no-cache", in: help(name)))
            for fact in ["$THRESHOLDKIT_CACHE,", "$XDG_CACHE_HOME/thresholdkit", "~/.cache/thresholdkit",
                         "$THRESHOLDKIT_CACHE_MAX_MB", "default 2048", "0 turns the cache off", "exit 2"] {
                #expect(line.contains(fact), "\(name) --no-cache lacks \(fact)")
            }
        }
        let predict = help("predict")
        #expect(Self.line("threshold", in: predict)?.contains("not with --alpha (exit 2)") == true)
        #expect(Self.line("alpha", in: predict)?.contains("stored scores") == true)
        let fit = help("fit")
        #expect(Self.line("rethreshold", in: fit)?.contains("fit --threshold on its stored scores") == true)
        #expect(fit.contains("thresholdkit fit --rethreshold bottle.tkd --threshold evt --alpha 0.01 --model bottle-evt.tkd"))
        #expect(Self.line("prior", in: fit)?.contains("(default: 0.5)") == true)
        #expect(help("convert").hasPrefix("USAGE: thresholdkit convert IN OUT [options]\n"))
        #expect(runCLI(["--help"]).stdout.contains(ThresholdKitCLI.exitCodesHelp))
    }

    @Test func twoOptionsCannotBothReadStandardInput() {
        let r = runCLI(["threshold", "--strategy", "adaptive-f1", "--normal", "-", "--anomalous", "-"])
        #expect(r.code == 2)
        #expect(r.stderr.hasPrefix("error: --normal and --anomalous both read standard input ('-')"))
        let three = runCLI(["label", "--strategy", "conformal", "--normal", "-", "--anomalous", "-", "--input", "-"])
        #expect(three.code == 2)
        #expect(three.stderr.hasPrefix("error: --normal and --anomalous and --input all read standard input"))
    }

    // MARK: README

    /// README's CLI reference: per command, the options it lists (own lines and `[group]` lines) with their defaults.
    static func readmeReference() throws -> [String: [(option: String, defaultText: String?)]] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "\n## CLI reference\n"))
        let rest = readme[start.upperBound...]
        let section = rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)]
        let blocks = section.components(separatedBy: "```").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        var groups: [String: [(String, String?)]] = [:], commands: [String: [(String, String?)]] = [:]
        var includes: [String: [String]] = [:]
        for block in blocks {
            let lines = block.split(separator: "\n").map(String.init)
            guard let head = lines.first else { continue }
            var options: [(String, String?)] = [], refs: [String] = []
            for line in lines.dropFirst() where line.hasPrefix("  ") {
                let body = line.drop { $0 == " " }
                if body.hasPrefix("--") {
                    let name = String(body.dropFirst(2).prefix { $0.isLetter || $0.isNumber || $0 == "-" })
                    var def: String?
                    if line.hasSuffix(")"), let r = line.range(of: "(default: ", options: .backwards) {
                        def = String(line[r.upperBound..<line.index(before: line.endIndex)])
                    }
                    options.append((name, def))
                } else if body.hasPrefix("[") {
                    refs += body.split(separator: "]").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " [")) }.filter { !$0.isEmpty }
                }
            }
            if head.hasPrefix("thresholdkit ") {
                let name = String(head.split(separator: " ")[1])
                commands[name, default: []] += options
                includes[name, default: []] += refs
            } else if head.hasSuffix(":") {
                groups[String(head.dropLast())] = options
            }
        }
        var result: [String: [(option: String, defaultText: String?)]] = [:]
        for (name, own) in commands {
            var all = own
            for ref in includes[name] ?? [] { all += try #require(groups[ref], "README: \(name) includes [\(ref)], which no block defines") }
            result[name] = all.map { (option: $0.0, defaultText: $0.1) }
        }
        return result
    }

    @Test func readmeCLIReferenceListsEveryOptionOnceWithTheDefaultsOfHelp() throws {
        let reference = try Self.readmeReference()
        #expect(Set(reference.keys) == Set(Self.commands.map(\.name)))
        for spec in Self.commands {
            let listed = reference[spec.name] ?? []
            let names = listed.map(\.option)
            #expect(names.count == Set(names).count, "README lists an option of \(spec.name) twice: \(names)")
            let expected = spec.options.map(\.name).filter { $0 != "help" }
            #expect(Set(names) == Set(expected),
                    "README \(spec.name): missing \(Set(expected).subtracting(names).sorted()), extra \(Set(names).subtracting(expected).sorted())")
            for option in spec.options where option.name != "help" {
                guard let entry = listed.first(where: { $0.option == option.name }) else { continue }
                #expect(entry.defaultText == option.defaultDescription, "README \(spec.name) --\(option.name)")
            }
        }
    }
}
