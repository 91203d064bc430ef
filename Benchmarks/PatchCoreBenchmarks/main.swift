// PatchCore on EfficientNet-Lite0 patches, end to end on an MVTec-layout set, against the PyTorch probe
// of ANCHORS.md ("A patch-level scorer, probed in PyTorch on the same network").
//
//   swift run -c release PatchCoreBenchmarks [--set bottle|mtile] [--size 256] [--aspect square|shorter-side]
//                                            [--crop N] [--layers stage3,stage5] [--neighbours 1] [--numpy-images 64] [--json]
//   swift run -c release PatchCoreBenchmarks --mode network|knn     the network alone; the GEMM alone against the search
//
// Fit split: numpy.random.RandomState(42).permutation(n) over train/good (sorted), the first n//5 held out
// for calibration (not used here), the rest fit the bank. Every test image is scored with its map.
// Pixel AUROC is over every test pixel at the network input size, masks resized by nearest neighbour
// (REFERENCE §8). A numpy blocked nearest-neighbour search on the same bank and queries runs in the same
// process for the kNN ratio. Weights from $THRESHOLDKIT_WEIGHTS; data from ../shared or $THRESHOLDKIT_SHARED.
import ArrayFormats
import BenchmarkSupport
import Features
import Foundation
import Imaging
import LinearAlgebra
import Randomness
import Scoring
import TestSupport
import Thresholding

// MARK: options

let (options, json): ([String: String], Bool) = {
    var options: [String: String] = [:], json = false
    var args = Array(CommandLine.arguments.dropFirst())[...]
    while let a = args.popFirst() {
        if a == "--json" { json = true; continue }
        guard a.hasPrefix("--"), let v = args.popFirst() else { print("usage: see the header of main.swift"); exit(2) }
        options[String(a.dropFirst(2))] = v
    }
    return (options, json)
}()
let set = options["set"] ?? "bottle"
let size = Int(options["size"] ?? "256") ?? 256
let aspect = AspectMode(rawValue: options["aspect"] ?? "square") ?? .square
let crop = options["crop"].flatMap(Int.init)
let layerNames = (options["layers"] ?? "stage3,stage5").split(separator: ",").map(String.init)
let numpyImages = Int(options["numpy-images"] ?? "64") ?? 64
let neighbours = Int(options["neighbours"] ?? "1") ?? 1
// ANCHORS.md, the PyTorch probe at 256 × 256, square.
let probe: [String: (image: Double, pixel: Double, seconds: Double)] = ["bottle": (1.000, 0.988, 58), "mtile": (0.876, 0.795, 137)]

func log(_ s: String) { if !json { print(s) } else { FileHandle.standardError.write((s + "\n").data(using: .utf8)!) } }

let clock = ContinuousClock()
func seconds(since start: ContinuousClock.Instant) -> Double {
    let c = (clock.now - start).components
    return Double(c.seconds) + Double(c.attoseconds) * 1e-18
}

/// VmHWM of this process in MB.
func peakRSS() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return .nan }
    return kb / 1024
}

func listImages(_ folder: URL) -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { [".png", ".jpg", ".jpeg", ".bmp"].contains(where: $0.lowercased().hasSuffix) }.sorted()
        .map { folder.appendingPathComponent($0) }
}

/// Decodes files two at a time on both cores.
func decode(_ urls: [URL]) throws -> [Image] {
    var images = [Result<Image, ImagingError>?](repeating: nil, count: urls.count)
    images.withUnsafeMutableBufferPointer { slots in
        Parallel.forEach(iterations: urls.count) { i in
            slots[i] = Result { () throws(ImagingError) in try ImageFile.read(path: urls[i].path).image }
        }
    }
    return try images.map { try $0!.get() }
}

func value(_ x: Double) -> JSONValue { JSONValue(number: x.isFinite ? x : nil) }

// MARK: network throughput, one image at a time or one per core

if options["mode"] == "network" {
    do {
        let extractor = try EfficientNetPatchExtractor(preprocessing: try PatchPreprocessing(size: size))
        let folder = SharedReference.root.appendingPathComponent("datasets/\(set)/train/good")
        let images = try decode(Array(listImages(folder).prefix(32)))
        var t = clock.now
        let inputs = images.map { try! extractor.preprocessing($0).input }
        log(String(format: "preprocess %d: %.3f s (one core)", images.count, seconds(since: t)))
        for round in 0..<2 {
            t = clock.now
            for x in inputs { _ = extractor.network.featureMaps(preprocessed: x, layers: extractor.layers) }
            let serial = seconds(since: t)
            t = clock.now
            for pair in stride(from: 0, to: inputs.count, by: 2) {
                Parallel.forEach(iterations: 2) { i in _ = extractor.network.featureMaps(preprocessed: inputs[pair + i], layers: extractor.layers) }
            }
            let paired = seconds(since: t)
            t = clock.now
            _ = try extractor.features(of: images)
            let whole = seconds(since: t)
            let f = extractor.network.flops(height: size, width: size, through: .stage5)
            log(String(format: "round %d: network one image at a time %.1f images/s (%.1f GFLOP/s), two at once %.1f images/s; extractor %.1f images/s",
                       round, Double(inputs.count) / serial, Double(inputs.count) * f / serial / 1e9, Double(inputs.count) / paired,
                       Double(inputs.count) / whole))
        }
    } catch { print("error: \(error)") }
    exit(0)
}

// MARK: kNN: the GEMM alone against the whole search, by block size

if options["mode"] == "knn" {
    var g = SeededGenerator(seed: 1)
    let (m, q, d) = (6000, 65536, 152)
    let bank = Matrix(rows: m, columns: d, elements: (0..<(m * d)).map { _ in Float(g.nextGaussian()) })
    let queries = Matrix(rows: q, columns: d, elements: (0..<(q * d)).map { _ in Float(g.nextGaussian()) })
    let flop = 2 * Double(m) * Double(q) * Double(d)
    let search = NearestNeighbors(bank: bank)
    for block in [256, 512, 1024, 2048] {
        let c = UnsafeMutablePointer<Float>.allocate(capacity: m * block)
        var gemm = Double.infinity, whole = Double.infinity
        for _ in 0..<2 {
            var t = clock.now
            bank.elements.withUnsafeBufferPointer { b in
                queries.elements.withUnsafeBufferPointer { a in
                    for r0 in stride(from: 0, to: q, by: block) {
                        Float._gemm(StridedOperand(base: b.baseAddress!, rowStride: d, columnStride: 1),
                                    StridedOperand(base: a.baseAddress! + r0 * d, rowStride: 1, columnStride: d),
                                    into: c, m: m, n: min(block, q - r0), k: d, ldc: min(block, q - r0), accumulate: false)
                    }
                }
            }
            gemm = min(gemm, seconds(since: t))
            t = clock.now
            _ = search.nearest(queries, blockRows: block)
            whole = min(whole, seconds(since: t))
        }
        c.deallocate()
        let t = clock.now
        _ = search.nearest(queries, blockRows: block, withIndices: true)
        let indexed = seconds(since: t)
        log(String(format: "block %4d: GEMM alone %.3f s (%.1f GFLOP/s), search %.3f s (%.1f GFLOP/s), with indices %.3f s",
                   block, gemm, flop / gemm / 1e9, whole, flop / whole / 1e9, indexed))
    }
    exit(0)
}

// MARK: run

let total = clock.now
do {
    let root = SharedReference.root.appendingPathComponent("datasets/\(set)")
    guard FileManager.default.fileExists(atPath: root.appendingPathComponent("train/good").path) else {
        print("no data set at \(root.path): \(SharedReference.skipReason)")
        exit(1)
    }
    var t = clock.now
    let preprocessing = try PatchPreprocessing(size: size, aspect: aspect, crop: crop)
    let extractor = try EfficientNetPatchExtractor(preprocessing: preprocessing,
                                                   layers: EfficientNetPatchExtractor.layers(named: layerNames))
    let loadSeconds = seconds(since: t)
    log("extractor: \(extractor.identifier) (\(String(format: "%.2f", loadSeconds)) s)")

    // Fit split.
    let train = listImages(root.appendingPathComponent("train/good"))
    let order = MersenneTwister.numpyPermutation(train.count, seed: 42)
    let held = train.count / 5
    let fitFiles = order[held...].map { train[$0] }
    let chunk = 32

    var fitDecode = 0.0, fitFeatures = 0.0
    var rows: [Float] = []
    var grids: [FeatureBatch.Grid] = []
    for start in stride(from: 0, to: fitFiles.count, by: chunk) {
        t = clock.now
        let images = try decode(Array(fitFiles[start..<min(start + chunk, fitFiles.count)]))
        fitDecode += seconds(since: t)
        t = clock.now
        let batch = try extractor.features(of: images)
        fitFeatures += seconds(since: t)
        rows += batch.rows.elements
        grids += batch.grids
    }
    let d = extractor.dimension
    var fitBatch: FeatureBatch? = FeatureBatch(rows: Matrix(rows: rows.count / d, columns: d, elements: rows), grids: grids)
    rows = []
    log(String(format: "fit: %d images (%d held out), %d patches of %d; decode %.2f s, features %.2f s",
               fitFiles.count, held, fitBatch!.rows.rows, d, fitDecode, fitFeatures))

    t = clock.now
    var scorer = PatchCoreScorer(settings: PatchCoreSettings(reweightingNeighbours: neighbours, seed: 0))
    var stageStart = clock.now, stageTimes: [String: Double] = [:], lastStage = PatchCoreProgress.Stage.pool
    try scorer.fit(normal: fitBatch!) { p in
        if p.stage != lastStage { stageTimes[lastStage.rawValue] = seconds(since: stageStart); stageStart = clock.now; lastStage = p.stage }
    }
    stageTimes[lastStage.rawValue] = seconds(since: stageStart)
    let bankSeconds = seconds(since: t)
    let model = scorer.model!
    fitBatch = nil
    let rssAfterFit = peakRSS()
    log(String(format: "bank: %d of %d pool patches (of %d), covering radius %.4f (projected); %.2f s (pool+projection %.2f, coreset %.2f); peak RSS %.0f MB",
               model.bank.rows, model.poolCount, model.patchCount, model.coveringRadius, bankSeconds,
               (stageTimes["pool"] ?? 0) + (stageTimes["projection"] ?? 0), stageTimes["coreset"] ?? 0, rssAfterFit))

    // Test set: every image, with its map and mask.
    let testRoot = root.appendingPathComponent("test")
    let defects = ((try? FileManager.default.contentsOfDirectory(atPath: testRoot.path)) ?? []).sorted()
    var testFiles: [(url: URL, defect: String)] = []
    for defect in defects { testFiles += listImages(testRoot.appendingPathComponent(defect)).map { ($0, defect) } }
    var testDecode = 0.0, testFeatures = 0.0, knnSeconds = 0.0, mapSeconds = 0.0, maskSeconds = 0.0
    var normalScores: [Double] = [], anomalousScores: [Double] = []
    var mapValues: [[Float]] = [], maskValues: [[Bool]] = []
    var queryPatches = 0
    var numpyQueries: [Float] = []
    for start in stride(from: 0, to: testFiles.count, by: chunk) {
        let files = Array(testFiles[start..<min(start + chunk, testFiles.count)])
        t = clock.now
        let images = try decode(files.map(\.url))
        testDecode += seconds(since: t)
        t = clock.now
        let batch = try extractor.features(of: images)
        testFeatures += seconds(since: t)
        queryPatches += batch.rows.rows
        if start < numpyImages { numpyQueries += batch.samples(0..<min(batch.count, numpyImages - start)).rows.elements }
        t = clock.now
        var knnEnd = t
        let (scores, maps) = try scorer.scoresAndMaps(batch) { p in if p.stage == .scoring { knnEnd = clock.now } }
        let end = clock.now
        knnSeconds += { let c = (knnEnd - t).components; return Double(c.seconds) + Double(c.attoseconds) * 1e-18 }()
        mapSeconds += { let c = (end - knnEnd).components; return Double(c.seconds) + Double(c.attoseconds) * 1e-18 }()
        t = clock.now
        for (i, file) in files.enumerated() {
            if file.defect == "good" { normalScores.append(scores[i]) } else { anomalousScores.append(scores[i]) }
            let geometry = try preprocessing.geometry(width: images[i].width, height: images[i].height)
            var mask = [Bool](repeating: false, count: maps[i].values.count)
            if file.defect != "good" {
                let stem = file.url.deletingPathExtension().lastPathComponent
                let path = root.appendingPathComponent("ground_truth/\(file.defect)/\(stem)_mask.png").path
                let m = PlanarImage(try ImageFile.read(path: path).image).plane(0)
                mask = geometry.toInput(nearest: m).values.map { $0 > 0 }
            }
            precondition(maps[i].width == geometry.inputWidth && maps[i].height == geometry.inputHeight, "map geometry")
            mapValues.append(maps[i].values)
            maskValues.append(mask)
        }
        maskSeconds += seconds(since: t)
    }
    let rssAfterScoring = peakRSS()
    let fitSeconds = fitDecode + fitFeatures + bankSeconds
    let scoreSeconds = testDecode + testFeatures + knnSeconds + mapSeconds
    let endToEnd = loadSeconds + fitSeconds + scoreSeconds
    let knnGFLOPS = 2 * Double(queryPatches) * Double(model.bank.rows) * Double(d) / knnSeconds / 1e9
    log(String(format: "test: %d images, %d patches; decode %.2f s, features %.2f s, kNN %.2f s (%.1f GFLOP/s), maps %.2f s; peak RSS %.0f MB",
               testFiles.count, queryPatches, testDecode, testFeatures, knnSeconds, knnGFLOPS, mapSeconds, rssAfterScoring))

    // Metrics (not timed into the end-to-end figure).
    t = clock.now
    let imageAUROC = try auroc(normal: normalScores, anomalous: anomalousScores)
    var normalPixels: [Double] = [], anomalousPixels: [Double] = []
    let positives = maskValues.reduce(0) { $0 + $1.lazy.filter { $0 }.count }
    let pixels = mapValues.reduce(0) { $0 + $1.count }
    normalPixels.reserveCapacity(pixels - positives)
    anomalousPixels.reserveCapacity(positives)
    for (map, mask) in zip(mapValues, maskValues) {
        for (v, m) in zip(map, mask) { if m { anomalousPixels.append(Double(v)) } else { normalPixels.append(Double(v)) } }
    }
    mapValues = []
    maskValues = []
    let pixelAUROC = try auroc(normal: normalPixels, anomalous: anomalousPixels)
    normalPixels = []
    anomalousPixels = []
    let metricSeconds = seconds(since: t)
    let anchor = probe[set]
    log(String(format: "image AUROC %.4f (probe %.3f), pixel AUROC %.4f over %d pixels (probe %.3f); metrics %.1f s",
               imageAUROC, anchor?.image ?? .nan, pixelAUROC, pixels, anchor?.pixel ?? .nan, metricSeconds))
    log(String(format: "end to end %.1f s (probe %.0f s, %.2f×): fit %.1f images/s, scoring with maps %.1f images/s",
               endToEnd, anchor?.seconds ?? .nan, (anchor?.seconds ?? .nan) / endToEnd,
               Double(fitFiles.count) / fitSeconds, Double(testFiles.count) / scoreSeconds))

    // kNN against numpy on the same bank and the first test images' patches.
    let q = Matrix(rows: numpyQueries.count / d, columns: d, elements: numpyQueries)
    let search = NearestNeighbors(bank: model.bank)
    var ours = Double.infinity
    var ourDistances: [Float] = []
    for _ in 0..<3 {
        t = clock.now
        ourDistances = search.nearest(q).distances
        ours = min(ours, seconds(since: t))
    }
    let flop = 2 * Double(q.rows) * Double(model.bank.rows) * Double(d)
    let script = """
    import sys, time, numpy as np
    d = \(d)
    bank = np.fromfile(sys.argv[1], dtype=np.float32).reshape(-1, d)
    q = np.fromfile(sys.argv[2], dtype=np.float32).reshape(-1, d)
    def run():
        bn = (bank * bank).sum(1)
        out = np.empty(len(q), np.float32)
        for i in range(0, len(q), 4096):
            b = q[i:i + 4096]
            d2 = (b * b).sum(1)[:, None] - 2 * (b @ bank.T) + bn[None, :]
            out[i:i + 4096] = np.sqrt(np.maximum(d2.min(1), 0))
        return out
    run()
    best = 1e9
    for _ in range(3):
        t = time.perf_counter(); r = run(); best = min(best, time.perf_counter() - t)
    r.tofile(sys.argv[3])
    print(best)
    """
    let numpy: JSONValue
    switch PythonReference.run(script: script, inputs: [("bank.f32", model.bank.elements.withUnsafeBytes { Data($0) }),
                                                         ("q.f32", q.elements.withUnsafeBytes { Data($0) })]) {
    case .success(let run):
        if let s = Double(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)), let bytes = run.output {
            let theirs = bytes.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
            let worst = zip(ourDistances, theirs).map { abs($0 - $1) }.max() ?? .nan
            log(String(format: "kNN %d queries × %d bank × %d: ours %.3f s (%.1f GFLOP/s), numpy %.3f s (%.1f GFLOP/s), %.2f×; max |Δd| %.2e",
                       q.rows, model.bank.rows, d, ours, flop / ours / 1e9, s, flop / s / 1e9, s / ours, Double(worst)))
            numpy = ["queries": .number(Double(q.rows)), "ourSeconds": value(ours), "numpySeconds": value(s),
                     "ourGFLOPS": value(flop / ours / 1e9), "numpyGFLOPS": value(flop / s / 1e9), "ratio": value(s / ours),
                     "maxAbsDistanceDifference": value(Double(worst))]
        } else {
            numpy = ["unavailable": "numpy printed no timing"]
        }
    case .failure(let why):
        log("numpy reference unavailable: \(why.reason)")
        numpy = ["unavailable": .string(why.reason)]
    }

    let report: JSONValue = [
        "set": .string(set), "size": .number(Double(size)), "aspect": .string(aspect.rawValue),
        "crop": crop.map { .number(Double($0)) } ?? .null, "layers": .string(layerNames.joined(separator: "+")),
        "reweightingNeighbours": .number(Double(neighbours)),
        "fitImages": .number(Double(fitFiles.count)), "calibrationImagesHeldOut": .number(Double(held)),
        "testImages": .number(Double(testFiles.count)), "dimension": .number(Double(d)),
        "fitPatches": .number(Double(model.patchCount)), "poolPatches": .number(Double(model.poolCount)),
        "bankPatches": .number(Double(model.bank.rows)), "coveringRadiusProjected": value(model.coveringRadius),
        "testPatches": .number(Double(queryPatches)),
        "imageAUROC": value(imageAUROC), "pixelAUROC": value(pixelAUROC), "pixels": .number(Double(pixels)),
        "fitImagesPerSecond": value(Double(fitFiles.count) / fitSeconds),
        "scoringImagesPerSecond": value(Double(testFiles.count) / scoreSeconds),
        "endToEndSeconds": value(endToEnd),
        "seconds": ["loadWeights": value(loadSeconds), "fitDecode": value(fitDecode), "fitFeatures": value(fitFeatures),
                    "poolAndProjection": value((stageTimes["pool"] ?? 0) + (stageTimes["projection"] ?? 0)),
                    "coreset": value(stageTimes["coreset"] ?? 0), "bank": value(bankSeconds),
                    "testDecode": value(testDecode), "testFeatures": value(testFeatures), "knn": value(knnSeconds),
                    "maps": value(mapSeconds), "masksNotTimed": value(maskSeconds), "metricsNotTimed": value(metricSeconds),
                    "wall": value(seconds(since: total))],
        "knnGFLOPS": value(knnGFLOPS),
        "peakRSSMegabytes": ["afterFit": value(rssAfterFit), "afterScoringWithAllMapsKept": value(rssAfterScoring),
                             "end": value(peakRSS())],
        "probe": anchor.map { ["imageAUROC": value($0.image), "pixelAUROC": value($0.pixel), "seconds": value($0.seconds),
                               "speedup": value($0.seconds / endToEnd)] } ?? .null,
        "numpyNearestNeighbours": numpy,
    ]
    if json { print(report.serialized()) }
} catch {
    print("error: \(error)")
    exit(1)
}
