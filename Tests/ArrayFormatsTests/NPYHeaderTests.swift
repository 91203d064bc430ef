import Testing
@testable import ArrayFormats

@Suite struct NPYHeaderTests {
    @Test func parsesNumPyHeader() throws {
        let header = try NPYHeader.parse(
            "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }   \n", source: "h")
        #expect(header == NPYHeader(descr: "<f4", fortranOrder: true, shape: [2, 3]))
    }

    @Test func acceptsDoubleQuotesAnyKeyOrderAndPython2Longs() throws {
        let header = try NPYHeader.parse(#"{"shape": (3L,), "fortran_order": False, "descr": "|u1"}"#, source: "h")
        #expect(header == NPYHeader(descr: "|u1", fortranOrder: false, shape: [3]))
    }

    @Test func emptyShapeIsScalar() throws {
        let header = try NPYHeader.parse("{'descr': '<f8', 'fortran_order': False, 'shape': (), }", source: "h")
        #expect(header.shape == [])
    }

    @Test(arguments: [
        ("{'descr': '<f4', 'fortran_order': False}", "no 'shape' key"),
        ("{'descr': '<f4', 'fortran_order': 0, 'shape': (1,)}", "'fortran_order' is not True or False"),
        ("{'descr': '<f4', 'fortran_order': False, 'shape': [1]}", "'shape' is not a tuple"),
        ("{'descr': '<f4', 'fortran_order': False, 'shape': ('a',)}", "'shape' holds 'a', not a non-negative integer"),
        ("{'descr': '<f4', 'fortran_order': False, 'shape': (1,)} junk", "unexpected text after the dictionary"),
        ("{'descr': '<f4", "unterminated string"),
        ("[1, 2]", "expected '{' at offset 0, found '['"),
        ("", "expected '{' at offset 0, found the end"),
    ])
    func rejectsMalformedHeaders(text: String, reason: String) {
        #expect(throws: ArrayFormatError.malformedHeader(source: "h.npy", header: text, reason: reason)) {
            try NPYHeader.parse(text, source: "h.npy")
        }
    }

    @Test func deepNestingIsRejectedNotCrashing() {
        let text = "{'descr': " + String(repeating: "[", count: 10_000) + "}"
        #expect(throws: ArrayFormatError.malformedHeader(source: "h", header: text, reason: "nested too deeply")) {
            try NPYHeader.parse(text, source: "h")
        }
    }
}
