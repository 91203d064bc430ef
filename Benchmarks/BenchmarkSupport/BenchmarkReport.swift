import ArrayFormats
import Foundation

/// What one benchmark run prints: a table for people, or with `--json` exactly one JSON object on stdout.
///
/// Keys follow one convention across the benchmarks: times end in `_s` (seconds), rates in `_per_s`,
/// ratios in `_ratio` (larger is better for the project), and every anchor that was not timed in this run
/// carries a sibling `<key>_anchor_source` naming where its figure comes from.
public struct BenchmarkReport {
    /// Whether `--json` was given.
    public let json: Bool
    /// The command-line arguments other than `--json` (and the program name).
    public let arguments: [String]
    private var members: [(key: String, value: JSONValue)] = []

    /// Reads `--json` from the command line and records the benchmark's name and core count.
    public init(benchmark: String, cores: Int = ProcessInfo.processInfo.activeProcessorCount,
                arguments: [String] = Array(CommandLine.arguments.dropFirst())) {
        json = arguments.contains("--json")
        self.arguments = arguments.filter { $0 != "--json" }
        record("benchmark", benchmark)
        record("cores", Double(cores))
    }

    /// A line of the human-readable table: stdout normally, stderr under `--json` (stdout holds only the object).
    public func say(_ line: String) {
        if json {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        } else {
            print(line)
        }
    }

    /// Records a number under `key` (null when absent or not finite).
    public mutating func record(_ key: String, _ value: Double?) {
        members.append((key, JSONValue(number: value)))
    }

    /// Records any JSON value under `key` (tables of results).
    public mutating func record(_ key: String, _ value: JSONValue) {
        members.append((key, value))
    }

    /// Records a text under `key`.
    public mutating func record(_ key: String, _ text: String) {
        members.append((key, .string(text)))
    }

    /// Records a figure quoted from elsewhere (not timed in this run) with its source under `<key>_anchor_source`.
    public mutating func recordQuoted(_ key: String, _ value: Double, source: String) {
        record(key, value)
        record(key + "_anchor_source", source)
    }

    /// Notes why a same-run anchor was left out, in the table and under `<key>_skipped`.
    public mutating func skip(_ key: String, reason: String) {
        say("\(key) skipped: \(reason)")
        record(key + "_skipped", reason)
    }

    /// Under `--json`, prints the object; call once, at the end.
    public func finish() {
        if json { print(JSONValue.object(members).serialized(pretty: true)) }
    }
}

/// Where the quoted anchors come from: the side-by-side table of /work/shared/ANCHORS.md.
public let anchorsSource = "ANCHORS.md 2026-12-03"

/// The fastest of `runs` timings of `body`, in seconds.
public func bestSeconds(runs: Int, _ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    var best = Double.infinity
    for _ in 0..<runs {
        let start = clock.now
        try body()
        let c = (clock.now - start).components
        best = min(best, Double(c.seconds) + Double(c.attoseconds) * 1e-18)
    }
    return best
}
