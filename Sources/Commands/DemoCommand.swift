import ArgumentParsing
import Foundation
import Randomness
import Thresholding

/// `thresholdkit demo`: every strategy compared on generated scores, with nothing to download.
enum DemoCommand {
    static let spec = CommandSpec(
        name: "demo",
        summary: "Compare every threshold strategy on generated scores (no data needed).",
        discussion: """
            Good scores are log-normal, like the right-skewed distances and −log-densities real scorers
            give. Anomalous test scores mix obvious and subtle defects. The normal-score strategies see
            only the calibration scores; the oracles are fitted on the test labels for reference.
            """,
        options: [
            .value("seed", "S", help: "Seed for the generated scores.", default: "0"),
            .value("alpha", "A", help: "Target false-alarm rate.", default: "0.05"),
        ] + CommonOptions.output)

    /// The demo's generated data: calibration and labelled test scores.
    struct Data {
        var calibration: [Double]
        var test: ScoreInputs
    }

    static func generate(seed: UInt64) -> Data {
        var g = SeededGenerator(seed: seed)
        func good() -> Double { 10 * exp(0.35 * g.nextGaussian()) }
        let calibration = (0..<200).map { _ in good() }
        var test = ScoreInputs()
        test.normal = (0..<400).map { _ in good() }
        test.anomalous = (0..<200).map { i in
            // 60% obvious defects, 40% subtle ones that overlap the good tail.
            10 * exp((i % 5 < 3 ? 0.9 : 0.35) + 0.35 * g.nextGaussian())
        }
        return Data(calibration: calibration, test: test)
    }

    static func run(_ args: ParsedArguments, console: Console) throws(CommandError) {
        let quiet = args.flag("quiet")
        let warn: (String) -> Void = { if !quiet { console.err($0) } }
        let seed: Int, alpha: Double
        do throws(UsageError) {
            seed = try args.int("seed") ?? 0
            alpha = try args.double("alpha", default: 0.05)
        } catch { throw CommandError(error, command: spec.name) }
        guard seed >= 0 else { throw .usage("--seed must be a non-negative whole number", command: spec.name) }
        let data = generate(seed: UInt64(seed))
        let json = args.flag("json")
        if !json {
            console.out("ThresholdKit demo: every threshold strategy on generated scores (seed \(seed))")
            console.out("  calibration  200 good scores (log-normal), never part of the test")
            console.out("  test         400 good + 200 anomalous (60% obvious, 40% subtle)")
            console.out("")
        }
        try CompareCommand.emit(
            strategies: CompareCommand.strategies(alpha: alpha, delta: 0.1, level: nil), calibration: data.calibration,
            test: data.test, alpha: alpha, json: json, console: console, warn: warn)
        if !json {
            console.out("")
            console.out("FPR/TPR/F1/BA are measured on the test scores. Normal-score strategies never saw an anomaly.")
            console.out("Your own scores:  thresholdkit compare --normal calibration.csv --test test.csv")
        }
    }
}
