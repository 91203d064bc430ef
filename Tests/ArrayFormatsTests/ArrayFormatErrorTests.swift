import Testing
@testable import ArrayFormats

@Suite struct ArrayFormatErrorTests {
    @Test func everyMessageNamesTheSource() {
        let errors: [ArrayFormatError] = [
            .missingFile(source: "f.npy"), .unreadable(source: "f.npy", reason: "denied"),
            .unwritable(source: "f.npy", reason: "read-only"), .badMagic(source: "f.npy"),
            .unsupportedVersion(source: "f.npy", major: 9, minor: 1),
            .malformedHeader(source: "f.npy", header: "{x", reason: "bad"),
            .unsupportedDType(source: "f.npy", descr: "<c16"),
            .truncatedData(source: "f.npy", expectedBytes: 8, actualBytes: 3),
            .shapeMismatch(source: "f.npy", shape: [2, 3], count: 5),
            .jsonSyntax(source: "f.npy", line: 3, column: 4, message: "oops"),
            .corrupt(source: "f.npy", reason: "SHA-256 mismatch"),
        ]
        for error in errors {
            #expect(error.source == "f.npy")
            #expect(error.description.hasPrefix("f.npy"))
        }
    }

    @Test func messagesAreSpecific() {
        #expect(ArrayFormatError.unsupportedVersion(source: "a", major: 9, minor: 1).description
            == "a: unsupported .npy format version 9.1 (expected 1.0, 2.0 or 3.0)")
        #expect(ArrayFormatError.shapeMismatch(source: "a", shape: [2, 3], count: 5).description
            == "a: shape [2×3] does not hold 5 elements")
        #expect(ArrayFormatError.malformedHeader(source: "a", header: "{'x\n", reason: "r").description
            == #"a: malformed .npy header (r): "{'x\n""#)
    }

    @Test func quotingShortensLongText() {
        let long = String(repeating: "a", count: 500)
        #expect(quotedForMessage(long).count == 200 + 3)
        #expect(quotedForMessage("\u{0}") == #""\u{0}""#)
    }
}
