import Testing
@testable import ArrayFormats

@Suite struct JSONValueTests {
    @Test func objectEqualityRespectsOrder() {
        let ab: JSONValue = ["a": 1, "b": 2]
        let ba: JSONValue = ["b": 2, "a": 1]
        #expect(ab != ba)
        #expect(ab == ["a": 1, "b": 2])
        #expect(Set([ab, ["a": 1, "b": 2], ba]).count == 2)
    }

    @Test func accessorsReturnValuesOnlyForTheirKind() {
        let value: JSONValue = ["n": 3, "s": "x", "b": true, "a": [1.5], "z": nil]
        #expect(value["n"]?.doubleValue == 3)
        #expect(value["n"]?.intValue == 3)
        #expect(value["a"]?[0]?.doubleValue == 1.5)
        #expect(value["a"]?[0]?.intValue == nil)
        #expect(value["a"]?[1] == nil)
        #expect(value["s"]?.stringValue == "x")
        #expect(value["s"]?.doubleValue == nil)
        #expect(value["b"]?.boolValue == true)
        #expect(value["z"]?.isNull == true)
        #expect(value["a"]?.arrayValue?.count == 1)
        #expect(JSONValue.number(1)["n"] == nil)
        #expect(value.kindDescription == "an object")
    }
}
