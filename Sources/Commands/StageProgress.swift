import Foundation

/// A progress bar per named stage: a new stage finishes the previous bar and starts its own.
///
/// Safe to call from worker threads; draws only on a terminal without `--quiet` (see `ProgressBar`).
final class StageProgress: @unchecked Sendable {
    private let console: Console
    private let quiet: Bool
    private let lock = NSLock()
    private var stage = ""
    private var bar: ProgressBar?

    init(console: Console, quiet: Bool) {
        self.console = console
        self.quiet = quiet
    }

    /// Reports `done` of `total` in `name`.
    func update(_ name: String, _ done: Int, _ total: Int) {
        lock.lock()
        if name != stage {
            bar?.finish()
            bar = ProgressBar(name, console: console, quiet: quiet)
            stage = name
        }
        let current = bar
        lock.unlock()
        current?.update(done, of: total)
    }

    /// Clears the last bar.
    func finish() {
        lock.lock(); defer { lock.unlock() }
        bar?.finish()
    }
}
