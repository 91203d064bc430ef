import Testing
@testable import ScoreFiles

@Suite struct DelimitedScoresTests {
    @Test func readsScoresAndLabels() throws {
        let set = try withScoreFile("id,score,label\na,0.5,0\nb,2.5,1\nc,-1e-3,anomalous\n", ext: "csv") { path in
            try ScoreFile.read(path: path)
        }
        #expect(set.scores == [0.5, 2.5, -0.001])
        #expect(set.labels == [false, true, true])
        #expect(set.droppedNonFinite == 0)
    }

    @Test func labelsAreOptional() throws {
        let set = try withScoreFile("score\n1\n2\n", ext: "csv") { try ScoreFile.read(path: $0) }
        #expect(set.scores == [1, 2])
        #expect(set.labels == nil)
    }

    @Test func handlesQuotingCRLFBOMAndSpaces() throws {
        let text = "\u{FEFF}\"name, full\" , \"score\",label\r\n\"x, \"\"y\"\"\",  +1.25 ,\" GOOD\"\r\n z , \"3\" , Normal \r\n\r\n\r\n"
        let set = try withScoreFile(text, ext: "csv") { try ScoreFile.read(path: $0) }
        #expect(set.scores == [1.25, 3])
        #expect(set.labels == [false, false])
    }

    @Test func readsTabSeparatedValues() throws {
        let set = try withScoreFile("label\tscore\ntrue\t0.75\nFALSE\t0.25\n", ext: "tsv") { try ScoreFile.read(path: $0) }
        #expect(set.scores == [0.75, 0.25])
        #expect(set.labels == [true, false])
    }

    @Test func selectsColumnsByOption() throws {
        let text = "loglik,score,truth\n-3.5,9,anomaly\n-0.5,8,good\n"
        let options = ScoreFileOptions(column: "loglik", labelColumn: "truth", lowerIsAnomalous: true)
        let set = try withScoreFile(text, ext: "csv") { try ScoreFile.read(path: $0, options: options) }
        #expect(set.scores == [3.5, 0.5])
        #expect(set.labels == [true, false])
    }

    @Test func matchesColumnNamesCaseInsensitivelyWhenUnambiguous() throws {
        let set = try withScoreFile("Score,LABEL\n1,1\n", ext: "csv") { try ScoreFile.read(path: $0) }
        #expect(set.scores == [1])
        #expect(set.labels == [true])
        #expect(DelimitedScores.column(named: "score", in: ["Score", "SCORE"]) == nil)
        #expect(DelimitedScores.column(named: "score", in: ["Score", "score"]) == 1)
    }

    @Test func headerOnlyAndEmptyFilesAreEmptySets() throws {
        for text in ["score,label\n", "score", "", "\n\n"] {
            let set = try withScoreFile(text, ext: "csv") { try ScoreFile.read(path: $0) }
            #expect(set.scores.isEmpty)
        }
        let labelled = try withScoreFile("score,label\n", ext: "csv") { try ScoreFile.read(path: $0) }
        #expect(labelled.labels == [])
    }

    @Test func dropsNonFiniteRowsWithTheirLabels() throws {
        let text = "score,label\n1,0\nnan,1\n2,1\n-inf,0\n1e999,1\n3,0\n"
        let set = try withScoreFile(text, ext: "csv") { try ScoreFile.read(path: $0, options: .init(nonFinite: .drop)) }
        #expect(set.scores == [1, 2, 3])
        #expect(set.labels == [false, true, false])
        #expect(set.droppedNonFinite == 3)
    }

    // MARK: Errors

    @Test func missingColumnListsAvailableColumns() throws {
        try withScoreFile("id,value,label\n1,2,0\n", ext: "csv") { path in
            let error = ScoreFileError.missingColumn(source: path, column: "score", available: ["id", "value", "label"])
            #expect(throws: error) { try ScoreFile.read(path: path) }
            #expect(error.description == "\(path): no column \"score\" in the header; available columns: \"id\", \"value\", \"label\"")
        }
    }

    @Test func explicitlyNamedLabelColumnMustExist() throws {
        try withScoreFile("score,label\n1,0\n", ext: "csv") { path in
            #expect(throws: ScoreFileError.missingColumn(source: path, column: "truth", available: ["score", "label"])) {
                try ScoreFile.read(path: path, options: .init(labelColumn: "truth"))
            }
        }
    }

    @Test func rowWithTooFewFieldsNamesTheLine() throws {
        try withScoreFile("score,label\n1,0\n2\n", ext: "csv") { path in
            let error = ScoreFileError.fieldCount(source: path, line: 3, expected: 2, found: 1)
            #expect(throws: error) { try ScoreFile.read(path: path) }
            #expect(error.description == "\(path), line 3: 1 field, but the header has 2")
        }
    }

    @Test func nonNumberIsQuotedWithItsLine() throws {
        try withScoreFile("score\n1\n\"one point five\"\n", ext: "csv") { path in
            let error = ScoreFileError.notANumber(source: path, location: .line(3), text: "one point five")
            #expect(throws: error) { try ScoreFile.read(path: path) }
            #expect(error.description == "\(path), line 3: \"one point five\" is not a number")
        }
    }

    @Test func emptyScoreFieldIsRejected() throws {
        try withScoreFile("score,label\n1,0\n ,1\n", ext: "csv") { path in
            let error = ScoreFileError.notANumber(source: path, location: .line(3), text: "")
            #expect(throws: error) { try ScoreFile.read(path: path) }
            #expect(error.description == "\(path), line 3: the score is empty")
        }
    }

    @Test func hexadecimalIsRejected() throws {
        try withScoreFile("score\n0x1p3\n", ext: "csv") { path in
            let error = ScoreFileError.notANumber(source: path, location: .line(2), text: "0x1p3")
            #expect(throws: error) { try ScoreFile.read(path: path) }
            #expect(error.description.contains("hexadecimal is not accepted"))
        }
    }

    @Test func nonFiniteIsRejectedByDefault() throws {
        try withScoreFile("score,label\n1,0\n-Infinity,1\n", ext: "csv") { path in
            #expect(throws: ScoreFileError.nonFinite(source: path, location: .line(3), text: "-Infinity")) {
                try ScoreFile.read(path: path)
            }
        }
    }

    @Test func invalidLabelIsQuoted() throws {
        try withScoreFile("score,label\n1,0\n2,2\n", ext: "csv") { path in
            let error = ScoreFileError.invalidLabel(source: path, location: .line(3), text: "2")
            #expect(throws: error) { try ScoreFile.read(path: path) }
            #expect(error.description.hasPrefix("\(path), line 3: \"2\" is not a label"))
        }
    }

    @Test func blankLineBetweenRowsIsAnError() throws {
        try withScoreFile("score\n1\n\n2\n", ext: "csv") { path in
            #expect(throws: ScoreFileError.blankLine(source: path, line: 3)) { try ScoreFile.read(path: path) }
        }
    }

    @Test func unterminatedQuoteIsMalformed() throws {
        try withScoreFile("score\n1\n\"2\n3\n", ext: "csv") { path in
            #expect(throws: ScoreFileError.malformedRow(source: path, line: 3, reason: "a quoted field is never closed")) {
                try ScoreFile.read(path: path)
            }
        }
    }

    @Test func lineNumbersCountBreaksInsideQuotes() throws {
        try withScoreFile("note,score\n\"two\nlines\",1\nx,bad\n", ext: "csv") { path in
            #expect(throws: ScoreFileError.notANumber(source: path, location: .line(4), text: "bad")) {
                try ScoreFile.read(path: path)
            }
        }
    }

    @Test func aNulByteInAScoreFieldIsADataErrorAtItsLine() throws {
        try withScoreFile(Array("score,label\n1,0\n2\u{0}garbage,1\n".utf8), ext: "csv") { path in
            #expect(throws: ScoreFileError.notANumber(source: path, location: .line(3), text: "2\u{0}garbage")) {
                try ScoreFile.read(path: path)
            }
        }
    }

    @Test func aBinaryFileReadAsCSVSaysItIsNotText() throws {
        // A .npy array of three float64 ones: magic 0x93 "NUMPY", a header, then NUL-rich data.
        let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0, 0x76, 0]
        let header = Array("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }\n".utf8)
        let one: [UInt8] = [0, 0, 0, 0, 0, 0, 0xF0, 0x3F]
        let bytes = magic + header + one + one + one
        try withScoreFile(bytes, ext: "csv") { path in
            do throws(ScoreFileError) {
                _ = try ScoreFile.read(path: path)
                Issue.record("expected an error")
            } catch {
                guard case .notText(source: path, format: .csv, let reason) = error else {
                    Issue.record("wrong error \(error)")
                    return
                }
                #expect(reason == "it has NUL bytes, and byte 0x93 at offset 0 is not UTF-8")
                #expect(error.description.hasPrefix(path + ": does not look like text"))
            }
        }
    }
}
