import ArgumentParsing
import Foundation
import Pipeline
import Randomness
import Thresholding

/// `thresholdkit demo` (and `thresholdkit` alone): the whole pipeline on a built-in generated image set.
enum DemoCommand {
    static let spec = CommandSpec(
        name: "demo",
        summary: "Run the whole comparison on a built-in generated image set (no data or download needed).",
        discussion: """
            Good images are an aligned woven texture with lighting and noise variation. Test defects are
            scratches, spots, missing patches and colour shifts: kinds the Perlin generator does not make,
            so the synthetic-anomaly strategies are not graded on their own generator. Features are the
            grey 32×32 pixels; the scorer is the KDE classifier. With --scores it runs the score-level demo
            instead: every strategy on generated log-normal scores.
            """,
        options: [
            .value("seed", "S", help: "Seed for the generated data.", default: "0"),
            .value("alpha", "A", help: "Target false-alarm rate.", default: "0.05"),
            .value("report", "DIR", help: "Write the report folder there."),
            .flag("scores", help: "Run the score-level demo on generated scores instead of images."),
        ] + CommonOptions.output)

    static let seedSpec = ParameterSpec.integer("seed", "S", default: 0, in: 0...Int(UInt32.max), help: "")

    static func run(_ args: ParsedArguments, console: Console) throws(CommandError) {
        let values = try ParameterOptions.values([seedSpec, .alpha], from: args, command: spec.name)
        let seed = values.integer("seed") ?? 0, alpha = values.number("alpha") ?? 0.05
        if args.flag("scores") {
            try ScoreDemo.run(seed: UInt64(seed), alpha: alpha, json: args.flag("json"), quiet: args.flag("quiet"), console: console)
            return
        }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("thresholdkit-demo-\(UUID().uuidString)").path  // unique: runs may overlap
        defer { try? FileManager.default.removeItem(atPath: root) }
        do throws(PipelineError) { try DemoDataset.generate(seed: UInt64(seed)).write(to: root) } catch { throw .pipeline(error) }
        var job = DatasetComparison(datasetPath: root)
        job.features = "pixels"
        job.cache = nil
        job.alpha = alpha
        job.seed = UInt64(seed)
        if !args.flag("json") {
            console.out("ThresholdKit demo: the whole unsupervised pipeline on a generated texture set (seed \(seed))")
            console.out("  train/good 200 images · test 60 good + 60 defects (scratch, spot, missing patch, colour shift)")
            console.out("  features: grey 32×32 pixels · scorer: PCA + Gaussian KDE · calibration: 20% of train/good held out")
            console.out("")
        }
        try DatasetCompareCommand.execute(job, args: args, console: console, title: "demo",
                                          commandLine: DatasetCompareCommand.commandLine(args, spec: spec))
        if !args.flag("json") {
            console.out("")
            console.out("FPR/TPR/F1/BA are measured on the test images. Normal-score strategies saw only good images,")
            console.out("synthetic-* also saw Perlin anomalies made from them, batch-ba the test scores without")
            console.out("their labels (transductive, never recommended), oracles used the test labels.")
            console.out("Your own images:  thresholdkit compare --dataset DIR   (train/good, test/good, test/<defect>)")
        }
    }
}

/// The score-level demo: every strategy on generated scores.
enum ScoreDemo {
    /// The generated data: calibration and labelled test scores.
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

    static func run(seed: UInt64, alpha: Double, json: Bool, quiet: Bool, console: Console) throws(CommandError) {
        let data = generate(seed: seed)
        if !json {
            console.out("ThresholdKit score demo: every threshold strategy on generated scores (seed \(seed))")
            console.out("  calibration  200 good scores (log-normal), never part of the test")
            console.out("  test         400 good + 200 anomalous (60% obvious, 40% subtle)")
            console.out("")
        }
        try CompareCommand.emit(
            strategies: StrategyComparison.normalScoreStrategies(alpha: alpha), calibration: data.calibration,
            test: data.test, alpha: alpha, json: json, console: console, warn: { if !quiet { console.err($0) } })
    }
}
