import Testing
@testable import Commands

@Suite struct ProgressBarTests {
    @Test func lineShowsFractionCountsAndETA() {
        let l = ProgressBar.line(label: "features", done: 6, total: 24, elapsed: 3, detail: "")
        #expect(l == "features  [######..................]  6/24  3.0 s  eta 9.0 s")
        #expect(ProgressBar.line(label: "x", done: 24, total: 24, elapsed: 1, detail: "loss 0.5").hasSuffix("24/24  1.0 s  loss 0.5"))
    }

    @Test func silentWhenStderrIsNotATerminalOrQuiet() {
        let capture = Capture()
        let pipe = Console(writeOut: capture.appendOut, writeErr: capture.appendErr, errorIsTerminal: false)
        ProgressBar("a", console: pipe, quiet: false).update(1, of: 2)
        let tty = Console(writeOut: capture.appendOut, writeErr: capture.appendErr, errorIsTerminal: true)
        ProgressBar("b", console: tty, quiet: true).update(1, of: 2)
        #expect(capture.result.1.isEmpty)
        let shown = ProgressBar("c", console: tty, quiet: false)
        shown.update(2, of: 2)
        #expect(capture.result.1.contains("c  ["))
    }

    @Test func stagesGetOneBarEach() {
        let capture = Capture()
        let tty = Console(writeOut: capture.appendOut, writeErr: capture.appendErr, errorIsTerminal: true)
        let stages = StageProgress(console: tty, quiet: false)
        stages.update("features", 4, 4)
        stages.update("train svdd (training)", 3, 3)
        stages.finish()
        let err = capture.result.1
        #expect(err.contains("features  ["))
        #expect(err.contains("train svdd (training)  ["))
        #expect(err.hasSuffix("\r\u{1B}[2K"))   // the last bar is cleared
        let quietCapture = Capture()
        let quiet = StageProgress(console: Console(writeOut: quietCapture.appendOut, writeErr: quietCapture.appendErr,
                                                   errorIsTerminal: true), quiet: true)
        quiet.update("features", 1, 2)
        quiet.finish()
        #expect(quietCapture.result.1.isEmpty)
    }
}
