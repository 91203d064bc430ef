import Foundation
import Testing
@testable import ArrayFormats

@Suite struct JSONWriterTests {
    @Test func writesShortestRoundTripNumbers() {
        #expect(JSONValue.numberText(0.1) == "0.1")
        #expect(JSONValue.numberText(1e-300) == "1e-300")
        #expect(JSONValue.numberText(41.0) == "41")
        #expect(JSONValue.numberText(-7) == "-7")
        #expect(JSONValue.numberText(-0.0) == "-0")
        #expect(JSONValue.numberText(9_007_199_254_740_991) == "9007199254740991")
        // From 2^53 on, integral doubles are no longer all exact, so they keep Swift's own form.
        #expect(JSONValue.numberText(9_007_199_254_740_992) == "9007199254740992.0")
        #expect(JSONValue.numberText(1e16) == "1e+16")
        #expect(JSONValue.numberText(1.5e300) == "1.5e+300")
        #expect(JSONValue.numberText(2.0 / 3.0) == "0.6666666666666666")
    }

    @Test func nonFiniteBecomesNull() {
        #expect(JSONValue.numberText(.nan) == "null")
        #expect(JSONValue.numberText(-.infinity) == "null")
        #expect(JSONValue.array([.number(.infinity)]).serialized() == "[null]")
    }

    @Test func escapesStrings() {
        let value = JSONValue.string("a\"b\\c\nd\t\u{1}\u{1F}é😀/")
        #expect(value.serialized() == #""a\"b\\c\nd\t\u0001\u001fé😀/""#)
    }

    @Test func writesCompactFormInOrder() {
        let value: JSONValue = ["z": 1, "a": [true, nil, "s"], "e": [:], "f": []]
        #expect(value.serialized() == #"{"z":1,"a":[true,null,"s"],"e":{},"f":[]}"#)
    }

    @Test func writesPrettyFormWithTwoSpaces() {
        let value: JSONValue = ["name": "x", "values": [1, 2.5], "empty": []]
        let expected = """
            {
              "name": "x",
              "values": [
                1,
                2.5
              ],
              "empty": []
            }
            """
        #expect(value.serialized(pretty: true) == expected)
    }

    @Test func roundTripsThroughParser() throws {
        let value: JSONValue = [
            "scores": [0.1, -1e-300, 41, 1.7976931348623157e308, .number(.leastNonzeroMagnitude)],
            "text": "line\nbreak \"quoted\" \u{7F}", "nested": ["deep": [[[]]]], "flag": false, "none": nil,
        ]
        #expect(try JSONValue.parse(value.serialized()) == value)
        #expect(try JSONValue.parse(value.serialized(pretty: true)) == value)
    }

    @Test func writesFileAtomically() throws {
        let value: JSONValue = ["k": [1, 2]]
        let text = try withTemporaryPath(suffix: ".json") { path in
            try value.write(to: path)
            return try String(contentsOfFile: path, encoding: .utf8)
        }
        #expect(text == "{\n  \"k\": [\n    1,\n    2\n  ]\n}\n")
    }
}
