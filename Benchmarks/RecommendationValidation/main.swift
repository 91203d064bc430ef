// Validates the recommendation rule: sets × scorers × rules, as balanced-accuracy regret
// against the threshold chosen on the test labels, plus whether the recommended threshold's
// realised test FPR lies inside its stated interval, and the guard rails' constants chosen
// leave-one-set-out. batch-ba, the transductive rule, is measured beside them (it sees the test
// scores without their labels) but never recommended.
//
// Sets: MVTec bottle and magnetic tile (../shared, when present), the built-in demo set, and
// score-level benchmarks with known distributions (no scorer: good N(0, 1), real defects
// N(μ, 1), synthetic anomalies N(μ + shift, 1), so the fakes are easier or harder than the
// real defects by a known amount).
//
//   swift run -c release RecommendationValidation [--json] [--sets bottle,mtile,demo,scores]
//                                                 [--scorers kde,svdd,patchcore]
import ArrayFormats
import BenchmarkSupport
import Foundation
import Pipeline
import Randomness
import Thresholding

var report = BenchmarkReport(benchmark: "RecommendationValidation")
func listArgument(_ name: String, in arguments: [String], default value: [String]) -> [String] {
    guard let i = arguments.firstIndex(of: "--" + name), i + 1 < arguments.count else { return value }
    return arguments[i + 1].split(separator: ",").map(String.init)
}
let setNames = listArgument("sets", in: report.arguments, default: ["bottle", "mtile", "demo", "scores"])
let scorerNames = listArgument("scorers", in: report.arguments, default: ["kde", "svdd", "patchcore"])
let shared = ProcessInfo.processInfo.environment["THRESHOLDKIT_SHARED"] ?? "../shared"

/// One comparison's outcome, reduced to what the rules need.
struct Case {
    var set: String
    var scorer: String
    var comparison: StrategyComparison
    var syntheticAUROC: Double?
    var scores: (calibration: [Double], synthetic: [Double], testGood: [Double], testBad: [Double]) = ([], [], [], [])

    /// Everything a rule could look at, for trying rules outside Swift (`--dump FILE`).
    var dump: JSONValue {
        .object([
            ("set", .string(set)), ("scorer", .string(scorer)),
            ("calibration", .array(scores.calibration.map(JSONValue.number))), ("synthetic", .array(scores.synthetic.map(JSONValue.number))),
            ("test_good", .array(scores.testGood.map(JSONValue.number))), ("test_bad", .array(scores.testBad.map(JSONValue.number))),
            ("strategies", .object(comparison.entries.compactMap { e in
                guard let f = e.fitted else { return nil }
                return (e.name, .object([("oracle", .bool(e.isOracle)), ("threshold", .number(f.value)),
                                         ("test_ba", JSONValue(number: e.counts?.balancedAccuracy)),
                                         ("expected_fpr", JSONValue(number: f.expectation?.expectedFPR)),
                                         ("fpr_upper", JSONValue(number: f.expectation?.falseAlarms.upper)),
                                         ("estimated_tpr", JSONValue(number: f.expectation?.estimatedTPR))]))
            })),
        ])
    }

    var oracleBA: Double { comparison.entries.first { $0.name == "oracle-best-balanced-accuracy" }?.counts?.balancedAccuracy ?? .nan }
    func ba(_ strategy: String) -> Double? { comparison.entries.first { $0.name == strategy && !$0.isOracle }?.counts?.balancedAccuracy }
    var candidates: [FittedThreshold] { comparison.entries.filter(\.isGoodOnly).compactMap(\.fitted) }
    func recommended(_ settings: ThresholdRecommendation.Settings = .init()) -> String {
        ThresholdRecommendation.choose(candidates, calibration: scores.calibration, synthetic: scores.synthetic, settings: settings).strategy
    }
    /// The rule before this one: synthetic-ba when its AUROC ≥ 0.75 and it flags ≤ half the held-out good images.
    var previousRule: String {
        guard let s = comparison.entries.first(where: { $0.name == "synthetic-ba" })?.fitted,
              let auroc = s.detail("synthetic_auroc"), let fpr = s.detail("in_sample_fpr"), auroc >= 0.75, fpr <= 0.5
        else { return "conformal" }
        return "synthetic-ba"
    }
    func regret(_ strategy: String) -> Double { max(0, oracleBA - (ba(strategy) ?? 0.5)) }
}

var cases: [Case] = []
// Progress and skips go to stderr, so stdout holds only the table (or the JSON object).
func note(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }

// Image sets through the whole pipeline.
let demoRoot = NSTemporaryDirectory() + "thresholdkit-validation-demo-\(getpid())"
defer { try? FileManager.default.removeItem(atPath: demoRoot) }
for set in setNames where set != "scores" {
    let root: String
    if set == "demo" {
        do { try DemoDataset.generate(seed: 7).write(to: demoRoot) } catch { note("demo: \(error)"); continue }
        root = demoRoot
    } else {
        root = shared + "/datasets/" + set
        guard FileManager.default.fileExists(atPath: root) else { note("skipped \(set): \(root) not found"); continue }
    }
    for name in scorerNames {
        guard let scorer = ScorerCatalog.standard[name] else { note("unknown scorer \(name)"); continue }
        var job = DatasetComparison(datasetPath: root)
        job.scorer = scorer
        job.scorerValues = scorer.emptyValues
        job.weightsPath = ProcessInfo.processInfo.environment["THRESHOLDKIT_WEIGHTS"]
        if set == "demo" && scorer.name != "patchcore" { job.features = "pixels" }
        note("\(set) × \(name)…")
        do {
            let outcome = try job.run()
            let r = outcome.result
            let separation = try? auroc(normal: r.calibrationScores, anomalous: r.syntheticScores)
            cases.append(Case(set: set, scorer: name, comparison: r.comparison, syntheticAUROC: separation,
                              scores: (r.calibrationScores, r.syntheticScores, r.test.filter { !$0.isAnomalous }.map(\.score),
                                       r.test.filter(\.isAnomalous).map(\.score))))
        } catch { note("skipped \(set) × \(name): \(error)") }
    }
}

// Score-level sets with known distributions: fakes easier (+1), as easy (0) or harder (−0.5) than the real defects.
if setNames.contains("scores") {
    for (mu, shift) in [(1.5, 1.0), (2.5, 1.0), (2.0, 0.0), (3.0, -0.5)] {
        var g = SeededGenerator(seed: UInt64(1000 * mu + 10 * (shift + 1)))
        let calibration = (0..<60).map { _ in g.nextGaussian() }
        let synthetic = (0..<60).map { _ in g.nextGaussian(mean: mu + shift, standardDeviation: 1) }
        let testGood = (0..<80).map { _ in g.nextGaussian() }
        let testBad = (0..<80).map { _ in g.nextGaussian(mean: mu, standardDeviation: 1) }
        let strategies = StrategyRegistry.standard.reading([.normalScores, .syntheticAnomalies, .unlabelledBatch])
            .filter { $0.family != .recommendation }.compactMap { d -> (any Threshold)? in
                var v = d.emptyValues
                v.set("alpha", .number(0.05))
                return try? d.make(v)
            }
        guard let c = try? StrategyComparison(strategies: strategies, calibration: calibration, synthetic: synthetic,
                                              testNormal: testGood, testAnomalous: testBad) else { continue }
        cases.append(Case(set: "scores μ=\(mu) fakes\(shift >= 0 ? "+" : "")\(shift)", scorer: "-", comparison: c,
                          syntheticAUROC: try? auroc(normal: calibration, anomalous: synthetic),
                          scores: (calibration, synthetic, testGood, testBad)))
    }
}

// Leave-one-set-out: the settings (FPR cap × fake strengths) that minimise mean regret on the
// other sets, applied to the held-out one.
var grid: [ThresholdRecommendation.Settings] = []
for cap in [0.1, 0.15, 0.2, 0.25, 0.3, 0.4] {
    for strengths in [[1.0], [1.0, 0.75], [1.0, 0.75, 0.5], [1.0, 0.75, 0.5, 0.25], [0.5]] {
        var s = ThresholdRecommendation.Settings()
        s.fprCap = cap
        s.strengths = strengths
        grid.append(s)
    }
}
func describe(_ s: ThresholdRecommendation.Settings) -> String {
    "cap \(s.fprCap), strengths \(s.strengths.map { String($0) }.joined(separator: "/"))"
}
let setKeys = Array(Set(cases.map(\.set))).sorted()
var losoRegret: [String: Double] = [:], losoChoice: [String: String] = [:]
for held in setKeys {
    let others = cases.filter { $0.set != held }
    // Ties go to the earlier grid entry, so the choice does not depend on dictionary order.
    var best = ThresholdRecommendation.Settings(), bestTotal = Double.infinity
    for g in grid {
        let total = others.map { $0.regret($0.recommended(g)) }.reduce(0, +)
        if total < bestTotal - 1e-12 { (best, bestTotal) = (g, total) }
    }
    losoChoice[held] = describe(best)
    for c in cases where c.set == held { losoRegret[c.set + "|" + c.scorer] = c.regret(c.recommended(best)) }
}

let rules = ["recommended", "previous rule", "conformal", "synthetic-ba", "batch-ba (transductive)", "anomalib best-F1 (test labels)"]
report.say("| set | scorer | recommended (strategy) | previous rule | conformal | synthetic-ba | batch-ba (transductive) | anomalib best-F1 on test labels | leave-one-set-out | realised FPR in interval |")
report.say("|---|---|---|---|---|---|---|---|---|---|")
var rows: [JSONValue] = []
var totals: [String: [String: [Double]]] = [:]
for c in cases {
    let chosen = c.recommended()
    let entry = c.comparison.entries.first { $0.name == chosen && !$0.isOracle }
    let realised = entry?.counts?.falsePositiveRate
    let interval = entry?.fitted?.expectation?.expectedFPRInterval
    let inside = realised.flatMap { r in interval.map { $0.lower <= r && r <= $0.upper } }
    let regrets: [String: Double] = [
        "recommended": c.regret(chosen), "previous rule": c.regret(c.previousRule), "conformal": c.regret("conformal"),
        "synthetic-ba": c.regret("synthetic-ba"), "batch-ba (transductive)": c.regret("batch-ba"),
        "anomalib best-F1 (test labels)": max(0, c.oracleBA - (c.comparison.entries.first { $0.name == "oracle-best-f1" }?.counts?.balancedAccuracy ?? 0.5)),
    ]
    for (k, v) in regrets { totals[c.scorer, default: [:]][k, default: []].append(v) }
    let f = { (x: Double) in String(format: "%.3f", x) }
    report.say("| \(c.set) | \(c.scorer) | \(f(regrets["recommended"]!)) (\(chosen)) | \(f(regrets["previous rule"]!)) | \(f(regrets["conformal"]!)) | \(f(regrets["synthetic-ba"]!)) | \(f(regrets["batch-ba (transductive)"]!)) | \(f(regrets["anomalib best-F1 (test labels)"]!)) | \(f(losoRegret[c.set + "|" + c.scorer] ?? .nan)) (\(losoChoice[c.set] ?? "-")) | \(inside.map { $0 ? "yes" : "no" } ?? "-") (\(realised.map(f) ?? "-") in [\(interval.map { f($0.lower) } ?? "-"), \(interval.map { f($0.upper) } ?? "-")]) |")
    rows.append(.object([
        ("set", .string(c.set)), ("scorer", .string(c.scorer)), ("recommended", .string(chosen)),
        ("regret", .object(rules.map { ($0, .number(regrets[$0]!)) })),
        ("loso_regret", .number(losoRegret[c.set + "|" + c.scorer] ?? .nan)), ("loso_settings", .string(losoChoice[c.set] ?? "-")),
        ("realised_fpr", JSONValue(number: realised)), ("fpr_interval", interval.map { .array([.number($0.lower), .number($0.upper)]) } ?? .null),
        ("inside", inside.map(JSONValue.bool) ?? .null),
    ]))
}
report.say("")
report.say("mean regret per scorer: " + totals.keys.sorted().map { s in
    s + ": " + rules.map { r in "\(r) \(String(format: "%.3f", (totals[s]![r] ?? []).reduce(0, +) / Double(max(1, totals[s]![r]?.count ?? 0))))" }.joined(separator: ", ")
}.joined(separator: "; "))
report.record("cases", JSONValue.array(rows))
if let dumpPath = listArgument("dump", in: report.arguments, default: []).first {
    try? Data(JSONValue.array(cases.map(\.dump)).serialized().utf8).write(to: URL(fileURLWithPath: dumpPath))
}
report.finish()
