import Foundation

/// A one-line progress bar on stderr for long work (feature extraction, training, scoring).
///
/// It draws only when stderr is a terminal and `--quiet` is off, so logs and
/// pipes stay clean; redraws are throttled to about ten a second.
final class ProgressBar: @unchecked Sendable {
    private let console: Console
    private let label: String
    private let enabled: Bool
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private let start = Date()

    init(_ label: String, console: Console, quiet: Bool) {
        self.console = console
        self.label = label
        self.enabled = console.errorIsTerminal && !quiet
    }

    /// Reports `done` of `total` units; safe to call from worker threads.
    func update(_ done: Int, of total: Int, detail: String = "") {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        guard done >= total || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        console.writeErr("\r" + Self.line(label: label, done: done, total: total, elapsed: now.timeIntervalSince(start), detail: detail))
    }

    /// Clears the bar's line once the work is finished.
    func finish() {
        guard enabled else { return }
        console.writeErr("\r\u{1B}[2K")
    }

    /// The bar's text, e.g. `features  [#######.............]  35/100  2.1 s  eta 3.9 s`.
    static func line(label: String, done: Int, total: Int, elapsed: Double, detail: String) -> String {
        let width = 24
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let eta = done > 0 && done < total ? String(format: "  eta %.1f s", elapsed / Double(done) * Double(total - done)) : ""
        return "\(label)  [\(bar)]  \(done)/\(total)  " + String(format: "%.1f s", elapsed) + eta + (detail.isEmpty ? "" : "  \(detail)")
    }
}
