import ArrayFormats
import Foundation
import Imaging
import Testing
@testable import Commands

/// Each finding of the adversarial review (issue 12 §1), reproduced: the behaviour it asks for.
@Suite struct AdversarialUserTests {
    static let scores = TempFile((1...40).map { String(Double($0) * 0.5) }.joined(separator: "\n"), ext: "txt")

    /// Runs the CLI on real file descriptors, as `main` does.
    static func runOnDescriptors(_ args: [String], stdout: Int32, stderr: Int32) -> Int32 {
        ThresholdKitCLI.main(args, stdout: StreamWriter(descriptor: stdout), stderr: StreamWriter(descriptor: stderr), errorIsTerminal: false)
    }

    static func captureFile() -> (fd: Int32, read: () -> String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tk-err-\(UUID().uuidString)").path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        return (fd, { close(fd); defer { unlink(path) }; return (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" })
    }

    @Test func aFullOrClosedStdoutEndsInExitOneWithOneLineNotATrap() {
        let args = ["label", "--strategy", "conformal", "--normal", Self.scores.path, "--input", Self.scores.path]
        let full = open("/dev/full", O_WRONLY)
        defer { close(full) }
        var err = Self.captureFile()
        #expect(Self.runOnDescriptors(args, stdout: full, stderr: err.fd) == 1)
        #expect(err.read() == "error: cannot write to standard output: No space left on device\n")
        // A closed stdout (`>&-`): a descriptor number that is not open.
        let closed = (900..<1000).first { fcntl(Int32($0), F_GETFD) == -1 }.map(Int32.init) ?? 999
        err = Self.captureFile()
        #expect(Self.runOnDescriptors(args, stdout: closed, stderr: err.fd) == 1)
        #expect(err.read().hasPrefix("error: cannot write to standard output: Bad file descriptor"))
        // stderr full too: exit 1, quietly.
        #expect(Self.runOnDescriptors(args, stdout: full, stderr: full) == 1)
        // A warning that cannot be written (`2>/dev/full`) also ends in exit 1, with stdout intact.
        let out = Self.captureFile()
        #expect(Self.runOnDescriptors(args + ["--k", "3"], stdout: out.fd, stderr: full) == 1)
        #expect(out.read().contains("index"))
    }

    @Test func hugeFiniteScoresGiveAFiniteThresholdOrADataErrorNeverNull() throws {
        let gaussian = TempFile("1e160\n2e160\n3e160\n4e160\n", ext: "txt")
        let g = runCLI(["threshold", "--strategy", "gaussian", "--normal", gaussian.path, "--json"])
        #expect(g.code == 0, "\(g.stderr)")
        let t = try #require(try g.json()["threshold"]?.doubleValue)
        #expect(t.isFinite && t > 4e160)
        let iqr = TempFile("1e308\n1.5e308\n1.7e308\n0.5e308\n", ext: "txt")
        let i = runCLI(["threshold", "--strategy", "iqr", "--normal", iqr.path, "--json"])
        if i.code == 0 {
            #expect(try i.json()["threshold"]?.doubleValue?.isFinite == true)
        } else {
            #expect(i.code == 1 && i.stderr.contains("overflows"))
        }
        let sub = TempFile("1e-310\n2e-310\n3e-310\n4e-310\n", ext: "txt")
        let s = runCLI(["threshold", "--strategy", "gaussian", "--sigmas", "3", "--normal", sub.path, "--json"])
        #expect(s.code == 0, "\(s.stderr)")
        #expect((try s.json()["sd"]?.doubleValue ?? 0) > 0)
    }

    @Test func aNULByteInAFieldIsADataErrorNamingTheLine() {
        let f = TempFile("1\n2\0garbage\n3\n", ext: "txt")
        let r = runCLI(["threshold", "--strategy", "mad", "--normal", f.path])
        #expect(r.code == 1)
        #expect(r.stderr.contains(f.path) && r.stderr.contains("line 2"))
    }

    @Test func aRepeatedSingleValuedOptionIsAUsageError() {
        for args in [["threshold", "--strategy", "mad", "--normal", "a", "--normal", "b"],
                     ["fit", "--model", "a.tkd", "--model", "b.tkd", "--train", "x.npy"],
                     ["label", "--json", "--json", "--strategy", "mad", "--normal", "a", "--input", "b"]] {
            let r = runCLI(args)
            #expect(r.code == 2, "\(args)")
            #expect(r.stderr.contains("was given more than once"), "\(args)")
        }
    }

    @Test func labelKeepsInputPositionsWhenNonFiniteScoresAreDropped() throws {
        let input = TempFile("1\n2\nnan\n3\n", ext: "txt")
        let r = runCLI(["label", "--strategy", "mad", "--normal", Self.scores.path, "--input", input.path, "--nan", "drop", "--json"])
        #expect(r.code == 0, "\(r.stderr)")
        let rows = try #require(try r.json().arrayValue)
        #expect(rows.map { $0["index"]?.intValue } == [0, 1, 3])
        #expect(rows.map { $0["score"]?.doubleValue } == [1, 2, 3])
    }

    @Test func lowerIsAnomalousReportsTheFilesOwnUnitsAndTheRule() throws {
        let good = TempFile((1...40).map { String(-Double($0) * 0.5) }.joined(separator: "\n"), ext: "txt")
        let t = runCLI(["threshold", "--strategy", "conformal", "--alpha", "0.1", "--normal", good.path, "--lower-is-anomalous", "--json"])
        #expect(t.code == 0, "\(t.stderr)")
        let j = try t.json()
        // Negated scores 0.5 … 20; k = ⌈41·0.9⌉ = 37 → 18.5.nextUp, shown back as −(18.5.nextUp).
        #expect(j["threshold"]?.doubleValue == -(18.5.nextUp))
        #expect(j["rule"]?.stringValue == "score <= threshold is anomalous")
        let input = TempFile("-19\n-2\n", ext: "txt")
        let l = runCLI(["label", "--strategy", "conformal", "--alpha", "0.1", "--normal", good.path, "--input", input.path,
                        "--lower-is-anomalous", "--json"])
        let rows = try #require(try l.json().arrayValue)
        #expect(rows.map { $0["score"]?.doubleValue } == [-19, -2])
        #expect(rows.map { $0["label"]?.intValue } == [1, 0])
        #expect(rows[0]["threshold"]?.doubleValue == -(18.5.nextUp))
    }

    @Test func fitNeverReplacesItsInputOrAFileThatIsNotADetector() throws {
        let f = try FitPredictCommandTests.Files()
        let before = try Data(contentsOf: URL(fileURLWithPath: f.train))
        let own = runCLI(["fit", "--train", f.train, "--pca", "4", "--model", f.train, "--force"])
        #expect(own.code == 1)
        #expect(own.stderr.contains("it is the input \(f.train) of this command, which is never replaced"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: f.train)) == before)
        let notes = f.dir + "/notes.txt"
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: notes))
        #expect(runCLI(["fit", "--train", f.train, "--pca", "4", "--model", notes]).code == 1)
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == "keep me")
        // A detector file may be replaced: that is how one refits.
        #expect(runCLI(["fit", "--train", f.train, "--pca", "4", "--model", f.model, "--quiet"]).code == 0)
        #expect(runCLI(["fit", "--train", f.train, "--pca", "8", "--model", f.model, "--quiet"]).code == 0)
    }

    @Test func convertRefusesColourToPGM() throws {
        let f = try SynthesizeConvertCommandTests.Folder()
        try ImageFile.write(Image(width: 2, height: 2, channels: 3, pixels: Array(repeating: 9, count: 12)), to: f.path + "/c.png")
        let r = runCLI(["convert", f.path + "/c.png", f.path + "/c.pgm"])
        #expect(r.code == 1)
        #expect(r.stderr.contains("write a .ppm"))
        #expect(!FileManager.default.fileExists(atPath: f.path + "/c.pgm"))
        #expect(runCLI(["convert", f.path + "/c.png", f.path + "/c.ppm"]).code == 0)
    }

    @Test func synthesizeRefusesWhatCannotKeepItsPromise() throws {
        let f = try SynthesizeConvertCommandTests.Folder()
        try ImageFile.write(Image(width: 1, height: 1, channels: 1, pixels: [128]), to: f.path + "/tiny.png")
        let tiny = runCLI(["synthesize", "--input", f.path + "/tiny.png", "--output", f.path + "/out"])
        #expect(tiny.code == 1)
        #expect(tiny.stderr.contains("tiny.png"))
        try ImageFile.write(Image(width: 64, height: 64, channels: 1, pixels: (0..<4096).map { UInt8($0 % 251) }), to: f.path + "/ok.png")
        let zero = runCLI(["synthesize", "--input", f.path + "/ok.png", "--output", f.path + "/out2", "--blend", "0,0"])
        #expect(zero.code == 2)
        #expect(zero.stderr.contains("--blend must reach above 0"))
    }

    @Test func outOfRangeOptionValuesAreUsageErrors() {
        for args in [["threshold", "--strategy", "conformal", "--normal", Self.scores.path, "--alpha", "0"],
                     ["threshold", "--strategy", "conformal", "--normal", Self.scores.path, "--alpha", "1"],
                     ["label", "--strategy", "conformal", "--normal", Self.scores.path, "--input", Self.scores.path, "--fdr", "0"],
                     ["threshold", "--strategy", "gaussian", "--alpha", "0.1", "--sigmas", "3", "--normal", Self.scores.path]] {
            #expect(runCLI(args).code == 2, "\(args)")
        }
        let manual = runCLI(["fit", "--train", "x.npy", "--threshold", "manual", "--model", "m.tkd"])
        #expect(manual.code == 2)
        #expect(manual.stderr.contains("manual needs --value V"))
    }

    @Test func messagesNameTheFile() throws {
        let f = try FitPredictCommandTests.Files()
        #expect(runCLI(["fit", "--train", f.train, "--pca", "4", "--model", f.model, "--quiet"]).code == 0)
        try NPY.write(NPYArray(rows: 1, columns: 3, values: [1, 2, 3] as [Float]), to: f.dir + "/narrow.npy")
        let narrow = runCLI(["predict", "--model", f.model, f.dir + "/narrow.npy"])
        #expect(narrow.stderr.contains("narrow.npy") && narrow.stderr.contains("3 columns"))
        try Data(repeating: 7, count: 10).write(to: URL(fileURLWithPath: f.dir + "/short.tkd"))
        let short = runCLI(["predict", "--model", f.dir + "/short.tkd", f.query])
        #expect(short.code == 1)
        #expect(short.stderr.contains("short.tkd") && !short.stderr.contains(".npy data"))
    }

    @Test func silentlyIgnoredInputNowWarns() {
        let labelled = TempFile("score,label\n1,0\n2,0\n3,1\n4,0\n5,0\n6,0\n", ext: "csv")
        let r = runCLI(["threshold", "--strategy", "mad", "--normal", labelled.path, "--anomalous", Self.scores.path, "--column", "score"])
        #expect(r.stderr.contains("1 row(s) labelled anomalous count as anomalous"))
        #expect(r.stderr.contains("--anomalous is ignored by mad"))
        let txt = runCLI(["threshold", "--strategy", "mad", "--normal", Self.scores.path, "--column", "other"])
        #expect(txt.stderr.contains("--column is ignored for \(Self.scores.path)"))
        let mixed = runCLI(["compare", "--normal", Self.scores.path, "--test", Self.scores.path, "--dataset", "/nowhere"])
        #expect(mixed.code == 2)
        #expect(mixed.stderr.contains("choose different modes"))
    }

    /// A named pipe is read like a file (and `-` is standard input, tested in ScoreFiles).
    @Test func aFIFOIsReadUntilItsEnd() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tk-fifo-\(UUID().uuidString)").path
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        let writer = Thread {
            let fd = open(path, O_WRONLY)
            let text = (1...40).map { String($0) }.joined(separator: "\n")
            _ = text.withCString { write(fd, $0, strlen($0)) }
            close(fd)
        }
        writer.start()
        let r = runCLI(["threshold", "--strategy", "conformal", "--normal", path, "--json"])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(try r.json()["n"]?.doubleValue == 40)
    }
}
