import Testing
@testable import ArgumentParsing

@Suite struct ArgumentParserTests {
    let spec = CommandSpec(
        name: "fit", summary: "Fit.",
        options: [.value("alpha", "A", help: "α.", default: "0.05"), .value("normal", "FILE", help: "Scores."),
                  .flag("json", help: "JSON.")],
        positionalName: "INPUT")

    @Test func valuesFlagsAndPositionals() throws {
        let p = try ArgumentParser.parse(["--alpha", "0.1", "a.csv", "--json", "--normal=n.csv", "--", "--weird"], spec: spec)
        #expect(try p.double("alpha") == 0.1)
        #expect(p.string("normal") == "n.csv")
        #expect(p.flag("json"))
        #expect(!p.flag("help"))
        #expect(p.positionals == ["a.csv", "--weird"])
    }

    @Test func negativeNumbersAreValuesNotOptions() throws {
        let p = try ArgumentParser.parse(["--alpha", "-0.5"], spec: spec)
        #expect(try p.double("alpha") == -0.5)
    }

    @Test func helpFlagInBothSpellings() throws {
        #expect(try ArgumentParser.parse(["-h"], spec: spec).flag("help"))
        #expect(try ArgumentParser.parse(["--help"], spec: spec).flag("help"))
    }

    @Test func errorsSayWhatWasWrong() {
        #expect(throws: UsageError("fit: unknown option '--alpah' (did you mean --alpha?)")) {
            try ArgumentParser.parse(["--alpah", "1"], spec: spec)
        }
        #expect(throws: UsageError("--normal needs a value (FILE)")) { try ArgumentParser.parse(["--normal"], spec: spec) }
        #expect(throws: UsageError("--json takes no value")) { try ArgumentParser.parse(["--json=1"], spec: spec) }
        let noPositionals = CommandSpec(name: "x", summary: "", options: [])
        #expect(throws: UsageError("x: unexpected argument 'extra'")) { try ArgumentParser.parse(["extra"], spec: noPositionals) }
    }

    @Test func typedAccessorsRejectBadValues() throws {
        let p = try ArgumentParser.parse(["--alpha", "abc"], spec: spec)
        #expect(throws: UsageError("--alpha expects a number, got 'abc'")) { try p.double("alpha") }
        let inf = try ArgumentParser.parse(["--alpha", "inf"], spec: spec)
        #expect(throws: UsageError.self) { try inf.double("alpha") }
        #expect(throws: UsageError("missing required option --normal")) { try p.required("normal") }
        #expect(throws: UsageError.self) { try p.choice("alpha", from: ["a", "b"]) }
    }

    @Test func editDistance() {
        #expect(ArgumentParser.editDistance("alpha", "alpah") == 2)
        #expect(ArgumentParser.editDistance("", "abc") == 3)
        #expect(ArgumentParser.editDistance("level", "level") == 0)
        #expect(ArgumentParser.closest(to: "zzzzzz", in: ["alpha"]) == nil)
    }

    @Test func helpTextListsOptionsWithDefaults() {
        let text = spec.helpText(program: "thresholdkit")
        #expect(text.hasPrefix("USAGE: thresholdkit fit [INPUT ...] [options]"))
        #expect(text.contains("--alpha A"))
        #expect(text.contains("(default: 0.05)"))
        #expect(text.contains("--help"))
    }
}
