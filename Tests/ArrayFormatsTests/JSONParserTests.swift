import Foundation
import Testing
@testable import ArrayFormats

@Suite struct JSONParserTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONValue.parse(#" {"a": [1, -2.5e3, true, false, null, "x"], "b": {}} "#)
        #expect(value == ["a": [1, -2500, true, false, nil, "x"], "b": [:]])
    }

    @Test func keepsObjectKeysInOrder() throws {
        let value = try JSONValue.parse(#"{"zeta": 1, "alpha": 2, "mid": 3}"#)
        #expect(value.objectValue?.map(\.key) == ["zeta", "alpha", "mid"])
        #expect(value["alpha"] == 2)
        #expect(value["missing"] == nil)
    }

    @Test func decodesEscapes() throws {
        let value = try JSONValue.parse(#""q\" b\\ s\/ \b\f\n\r\t \u00e9 \ud83d\ude00 \u0001""#)
        #expect(value == .string("q\" b\\ s/ \u{8}\u{C}\n\r\t é 😀 \u{1}"))
    }

    @Test func parsesNumbersExactly() throws {
        #expect(try JSONValue.parse("0.1") == .number(0.1))
        #expect(try JSONValue.parse("1e-300") == .number(1e-300))
        #expect(try JSONValue.parse("-0") == .number(-0.0))
        #expect(try JSONValue.parse("123456789012345678") == .number(123_456_789_012_345_680))  // Nearest double.
        #expect(try JSONValue.parse("1E+2") == .number(100))
    }

    @Test func acceptsPythonNonFiniteTokens() throws {
        let value = try JSONValue.parse("[NaN, Infinity, -Infinity]")
        let items = try #require(value.arrayValue)
        let numbers = items.compactMap(\.doubleValue)
        #expect(numbers.count == 3)
        #expect(numbers[0].isNaN)
        #expect(numbers[1] == .infinity)
        #expect(numbers[2] == -.infinity)
    }

    @Test func skipsByteOrderMark() throws {
        #expect(try JSONValue.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == [1])
    }

    @Test func readsFile() throws {
        let value = try withTemporaryFile(Array(#"{"k": "v"}"#.utf8), suffix: ".json") { path in
            try JSONValue.read(path: path)
        }
        #expect(value["k"]?.stringValue == "v")
        #expect(throws: ArrayFormatError.missingFile(source: "/nonexistent/a.json")) {
            try JSONValue.read(path: "/nonexistent/a.json")
        }
    }

    @Test(arguments: [
        ("", 1, 1, "the input is empty"),
        ("[1, 2,]", 1, 7, "unexpected ']', expected a value"),
        ("{\"a\": 1,\n  \"b\" 2}", 2, 7, "expected ':' after key \"b\", found '2'"),
        ("[1]\n\n  x", 3, 3, "unexpected 'x' after the JSON value"),
        ("[01]", 1, 3, "numbers must not have leading zeros"),
        ("[1.]", 1, 4, "expected a digit after '.', found ']'"),
        ("\"abc", 1, 1, "unterminated string"),
        ("\"a\\qb\"", 1, 3, "invalid escape sequence '\\q'"),
        ("\"\\ud800\"", 1, 8, "unpaired surrogate \\uD800"),
        ("[\"é\", tru]", 1, 7, "unexpected 't', expected a value"),
        ("{1: 2}", 1, 2, "expected a string key, found '1'"),
        ("[1 2]", 1, 4, "expected ',' or ']' after an array element, found '2'"),
        ("[-Inf]", 1, 3, "unexpected 'I', expected a value"),
        ("\"tab\there\"", 1, 5, "control character byte 0x9 must be escaped in a string"),
    ])
    func reportsLineAndColumn(text: String, line: Int, column: Int, message: String) {
        #expect(throws: ArrayFormatError.jsonSyntax(source: "in.json", line: line, column: column, message: message)) {
            try JSONValue.parse(text, source: "in.json")
        }
    }

    @Test func errorMessageNamesFileLineAndColumn() throws {
        let error = try #require(throws: ArrayFormatError.self) { try JSONValue.parse("[\n1,,]", source: "s.json") }
        #expect(error.description == "s.json:2:3: invalid JSON: unexpected ',', expected a value")
    }

    @Test func rejectsInvalidUTF8() {
        #expect(throws: ArrayFormatError.jsonSyntax(source: "JSON", line: 1, column: 1, message: "string is not valid UTF-8")) {
            try JSONValue.parse([0x22, 0xFF, 0x22])
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let text = String(repeating: "[", count: 100_000)
        #expect(throws: ArrayFormatError.jsonSyntax(
            source: "JSON", line: 1, column: 513, message: "nested more than 512 levels deep")
        ) {
            try JSONValue.parse(text)
        }
    }
}
