import Foundation
import Pipeline

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

extension StageProgress {
    /// Runs a pipeline job (pass its `run` method) with a bar per stage, and clears the last bar
    /// before returning or throwing, so an error message never lands on a half-drawn bar.
    /// - Throws: ``CommandError/pipeline(_:)`` with the job's error.
    static func run<Outcome>(console: Console, quiet: Bool,
                             _ job: (_ progress: @escaping PipelineProgress) throws(PipelineError) -> Outcome) throws(CommandError) -> Outcome {
        let stages = StageProgress(console: console, quiet: quiet)
        defer { stages.finish() }
        do throws(PipelineError) { return try job { stages.update($0, $1, $2) } } catch { throw .pipeline(error) }
    }
}
