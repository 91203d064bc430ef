import Testing
@testable import ScoreFiles

@Suite struct DelimitedTableTests {
    /// Splits `text` into rows of field strings with their starting lines.
    private func rows(_ text: String, delimiter: Character = ",") throws -> [(line: Int, fields: [String])] {
        var table = DelimitedTable(bytes: Array(text.utf8), delimiter: try #require(delimiter.asciiValue))
        var fields: [DelimitedTable.Field] = []
        var out: [(line: Int, fields: [String])] = []
        while let line = try table.nextRow(into: &fields) {
            out.append((line, fields.map { table.text(of: $0) }))
        }
        return out
    }

    @Test func splitsQuotedFieldsWithEscapesDelimitersAndNewlines() throws {
        let result = try rows("a,\"b,\"\"c\"\"\",\"d\ne\"\r\nf,,g")
        #expect(result.map(\.fields) == [["a", "b,\"c\"", "d\ne"], ["f", "", "g"]])
        #expect(result.map(\.line) == [1, 3])
    }

    @Test func trimsSpacesButKeepsQuotedSpaces() throws {
        #expect(try rows("  a , \" b \" ,c  ").map(\.fields) == [["a", " b ", "c"]])
    }

    @Test func endsRowsAtLoneCarriageReturns() throws {
        #expect(try rows("a\rb\r\nc\n").map(\.fields) == [["a"], ["b"], ["c"]])
    }

    @Test func keepsTabsAsDelimitersInTSV() throws {
        #expect(try rows("a\t\tb", delimiter: "\t").map(\.fields) == [["a", "", "b"]])
    }

    @Test func blankRowsAreDetected() throws {
        var table = DelimitedTable(bytes: Array("  \n\"\"\n".utf8), delimiter: 0x2C)
        var fields: [DelimitedTable.Field] = []
        _ = try table.nextRow(into: &fields)
        #expect(DelimitedTable.isBlank(fields))
        _ = try table.nextRow(into: &fields)
        #expect(!DelimitedTable.isBlank(fields))
    }

    @Test func textAfterClosingQuoteIsAnError() {
        var table = DelimitedTable(bytes: Array("x\n\"a\"b,c".utf8), delimiter: 0x2C)
        var fields: [DelimitedTable.Field] = []
        #expect(throws: Never.self) { _ = try table.nextRow(into: &fields) }
        do {
            _ = try table.nextRow(into: &fields)
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2)
            #expect(error.reason == "unexpected text after a closing quote")
        }
    }
}
