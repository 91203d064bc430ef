import ArrayFormats
import Foundation
import Imaging
import Randomness
import Testing
import Thresholding
@testable import Commands

@Suite struct FitPredictCommandTests {
    /// A folder with good training rows and a mixed query matrix (last 5 rows shifted far away).
    final class Files {
        let dir: String
        var train: String { dir + "/train.npy" }
        var query: String { dir + "/query.npy" }
        var model: String { dir + "/m.tkd" }
        init() throws {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("tk-fit-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            var g = SeededGenerator(seed: 3)
            let trainValues = (0..<(120 * 10)).map { i in Float(g.nextGaussian()) / Float(1 + i % 10) }
            var queryValues = (0..<(15 * 10)).map { i in Float(g.nextGaussian()) / Float(1 + i % 10) }
            for r in 10..<15 { queryValues[r * 10] += 8 }
            try NPY.write(NPYArray(rows: 120, columns: 10, values: trainValues), to: train)
            try NPY.write(NPYArray(rows: 15, columns: 10, values: queryValues), to: query)
        }
        deinit { try? FileManager.default.removeItem(atPath: dir) }
    }

    @Test func fitThenPredictJSON() throws {
        let f = try Files()
        let fit = runCLI(["fit", "--train", f.train, "--scorer", "kde", "--pca", "4", "--alpha", "0.1", "--model", f.model, "--json"])
        #expect(fit.code == 0, "\(fit.stderr)")
        let summary = try fit.json()
        #expect(summary["calibration_count"]?.intValue == 24)
        #expect(summary["threshold"]?["strategy"]?.stringValue == "conformal")
        let threshold = try #require(summary["threshold"]?["threshold"]?.doubleValue)

        let r = runCLI(["predict", "--model", f.model, f.query, "--json"])
        #expect(r.code == 0, "\(r.stderr)")
        let items = try #require(try r.json().arrayValue)
        #expect(items.count == 15)
        #expect(items[0].objectValue?.map(\.key) == ["input", "index", "score", "label", "threshold", "p_value", "normalized", "log_likelihood"])
        for (i, item) in items.enumerated() {
            let score = try #require(item["score"]?.doubleValue)
            #expect(item["index"]?.intValue == i)
            #expect(item["input"]?.stringValue == f.query)
            #expect(item["label"]?.intValue == (score >= threshold ? 1 : 0))
            #expect(item["threshold"]?.doubleValue == threshold)
            #expect(item["log_likelihood"]?.doubleValue == -score)
            let p = try #require(item["p_value"]?.doubleValue)
            #expect(p > 0 && p <= 1)
            // p = (1 + #{calibration ≥ s}) / 25 is a multiple of 1/25.
            #expect(abs(p * 25 - (p * 25).rounded()) < 1e-9)
        }
        #expect(items.suffix(5).allSatisfy { $0["label"]?.intValue == 1 })

        // --fdr adds Benjamini–Hochberg over the batch: the same selection `BenjaminiHochberg` makes.
        let bh = runCLI(["predict", "--model", f.model, f.query, "--json", "--fdr", "0.2"])
        #expect(bh.code == 0, "\(bh.stderr)")
        let withBH = try #require(try bh.json().arrayValue)
        let pValues = withBH.compactMap { $0["p_value"]?.doubleValue }
        let expected = try BenjaminiHochberg.select(pValues: pValues, q: 0.2).selected
        #expect(withBH.map { $0["bh_selected"]?.boolValue } == expected.map { $0 })
        #expect(expected.suffix(5).allSatisfy { $0 })
        #expect(runCLI(["predict", "--model", f.model, f.query, "--fdr", "1.5"]).code == 2)
    }

    @Test func svddAndOtherThresholdsFit() throws {
        let f = try Files()
        let r = runCLI(["fit", "--train", f.train, "--scorer", "svdd", "--epochs", "3", "--threshold", "mad", "--calibration", "crossfit",
                        "--model", f.model, "--quiet"])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stdout.contains("calibration crossfit: 120 scores"))
        // MAD proves no bound, so no "≤ 2α" either: the guarantee printed is the threshold's own.
        #expect(!r.stdout.contains("≤") && r.stdout.contains("no guarantee: estimate, not a guarantee"))
        let p = runCLI(["predict", "--model", f.model, f.query, "--json"])
        let items = try #require(try p.json().arrayValue)
        #expect(items.count == 15)
        #expect(items[0]["log_likelihood"] == nil)
    }

    /// Images through `--features pixels`, with a synthetic-anomaly threshold made from the held-out images.
    @Test func imagesWithSyntheticThreshold() throws {
        let f = try Files()
        try FileManager.default.createDirectory(atPath: f.dir + "/good", withIntermediateDirectories: true)
        var g = SeededGenerator(seed: 8)
        for i in 0..<30 {
            // Smooth gradients with a little noise: synthetic Perlin blobs stand out against them.
            let pixels = (0..<(32 * 32)).map { p in UInt8(clamping: 60 + (p % 32) * 4 + g.nextInt(below: 9)) }
            try ImageFile.write(Image(width: 32, height: 32, channels: 1, pixels: pixels), to: f.dir + "/good/\(i).png")
        }
        let r = runCLI(["fit", "--train", f.dir + "/good", "--features", "pixels", "--pca", "4", "--threshold", "synthetic-ba",
                        "--model", f.model, "--no-cache", "--json"])
        #expect(r.code == 0, "\(r.stderr)")
        let j = try r.json()
        #expect(j["threshold"]?["strategy"]?.stringValue == "synthetic-ba")
        #expect(j["calibration_count"]?.intValue == 6)
        #expect(j["threshold"]?["n_synthetic"]?.intValue == 6)
        let p = runCLI(["predict", "--model", f.model, f.dir + "/good", "--no-cache", "--json"])
        #expect(p.code == 0, "\(p.stderr)")
        #expect(try p.json().arrayValue?.count == 30)
        // A detector fitted on images refuses feature matrices of another width, naming both.
        let wrong = runCLI(["predict", "--model", f.model, f.query])
        #expect(wrong.code == 1)
        #expect(wrong.stderr.contains("1024 columns"))
    }

    /// The convolutional Deep SVDD on grey images: fitted, saved, reloaded, and refused on the wrong input shape.
    @Test func convolutionalDeepSVDDOnImages() throws {
        let f = try Files()
        try FileManager.default.createDirectory(atPath: f.dir + "/good", withIntermediateDirectories: true)
        var g = SeededGenerator(seed: 4)
        for i in 0..<12 {
            let pixels = (0..<(32 * 32)).map { p in UInt8(clamping: 40 + (p / 32) * 5 + g.nextInt(below: 12)) }
            try ImageFile.write(Image(width: 32, height: 32, channels: 1, pixels: pixels), to: f.dir + "/good/\(i).png")
        }
        let r = runCLI(["fit", "--train", f.dir + "/good", "--scorer", "svdd-conv", "--features", "pixels", "--epochs", "1",
                        "--pretrain-epochs", "1", "--threshold", "mad", "--model", f.model, "--no-cache", "--json"])
        #expect(r.code == 0, "\(r.stderr)")
        let j = try r.json()
        #expect(j["scorer"]?.stringValue == "svdd-conv")
        let a = runCLI(["predict", "--model", f.model, f.dir + "/good", "--no-cache", "--json"])
        let b = runCLI(["predict", "--model", f.model, f.dir + "/good", "--no-cache", "--json"])
        #expect(a.code == 0, "\(a.stderr)")
        #expect(a.stdout == b.stdout)
        #expect(try a.json().arrayValue?.count == 12)

        let wrong = runCLI(["fit", "--train", f.train, "--scorer", "svdd-conv", "--model", f.dir + "/x.tkd"])
        #expect(wrong.code == 2)
        #expect(wrong.stderr.contains("features = 10 values per image is invalid: expected square grey images"))
        let stray = runCLI(["fit", "--train", f.train, "--pca", "4", "--epochs", "3", "--model", f.dir + "/x.tkd"])
        #expect(stray.code == 2)
        #expect(stray.stderr.contains("--epochs applies to --scorer svdd or svdd-conv, not kde"))
    }

    @Test func badInputsExitWithNamedErrors() throws {
        let f = try Files()
        var r = runCLI(["fit", "--train", f.train, "--pca", "4", "--calibration", "none", "--model", f.model])
        #expect(r.code == 2)
        #expect(r.stderr.contains("calibration scores"))
        #expect(!FileManager.default.fileExists(atPath: f.model))

        r = runCLI(["fit", "--train", f.train, "--model", f.model])
        #expect(r.code == 1)
        #expect(r.stderr.contains("need at least 16 features per sample, got 10"))

        r = runCLI(["fit", "--train", f.train, "--threshold", "synthetic-ba", "--model", f.model])
        #expect(r.code == 2)
        #expect(r.stderr.contains("threshold = synthetic-ba is invalid: expected image inputs"))

        r = runCLI(["fit", "--train", f.train, "--scorer", "svdd", "--pca", "3", "--model", f.model])
        #expect(r.code == 2)
        #expect(r.stderr.contains("--pca applies to --scorer kde, not svdd"))

        r = runCLI(["fit", "--train", f.train])
        #expect(r.code == 2)

        r = runCLI(["predict", "--model", f.dir + "/missing.tkd", f.query])
        #expect(r.code == 1)
        #expect(r.stderr.contains("missing.tkd"))

        _ = FileManager.default.createFile(atPath: f.model, contents: Data("TKARCHV1 but then nothing".utf8))
        r = runCLI(["predict", "--model", f.model, f.query])
        #expect(r.code == 1)
        #expect(r.stderr.contains("detector file \(f.model)"))

        // The garbage is not a detector file: refitting over it needs --force.
        r = runCLI(["fit", "--train", f.train, "--pca", "4", "--model", f.model, "--quiet"])
        #expect(r.code == 1)
        #expect(r.stderr.contains("it holds a file that is not a detector; pass --force to replace it"))
        #expect(runCLI(["fit", "--train", f.train, "--pca", "4", "--model", f.model, "--quiet", "--force"]).code == 0)
        try NPY.write(NPYArray(rows: 1, columns: 3, values: [1, 2, 3] as [Float]), to: f.dir + "/narrow.npy")
        r = runCLI(["predict", "--model", f.model, f.dir + "/narrow.npy"])
        #expect(r.code == 1)
        #expect(r.stderr.contains("10 columns"))
        r = runCLI(["predict", "--model", f.model])
        #expect(r.code == 2)
    }
}

/// Every new entry point meets empty, non-finite, corrupt and wrongly shaped input with exit 1 and a message naming it.
@Suite struct NewCommandsBadInputTests {
    @Test func badMatricesAndFolders() throws {
        let f = try FitPredictCommandTests.Files()
        var values = [Float](repeating: 0.5, count: 30 * 10)
        values[7 * 10 + 3] = .nan
        try NPY.write(NPYArray(rows: 30, columns: 10, values: values), to: f.dir + "/nan.npy")
        try NPY.write(NPYArray([1, 2, 3] as [Float]), to: f.dir + "/flat.npy")
        try NPY.write(NPYArray(rows: 0, columns: 10, values: [Float]()), to: f.dir + "/empty.npy")
        try FileManager.default.createDirectory(atPath: f.dir + "/nothing", withIntermediateDirectories: true)
        for (input, message) in [("nan.npy", "row 7, column 3"), ("flat.npy", "two-dimensional"), ("empty.npy", "at least one row"),
                                 ("nothing", "a folder holding image files"), ("missing.npy", "an existing file or folder")] {
            let fit = runCLI(["fit", "--train", f.dir + "/" + input, "--model", f.model])
            #expect(fit.code == 1, "fit \(input)")
            #expect(fit.stderr.contains(message), "fit \(input): \(fit.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: f.model))
        #expect(runCLI(["fit", "--train", f.train, "--pca", "4", "--model", f.model, "--quiet"]).code == 0)
        for (input, message) in [("nan.npy", "row 7, column 3"), ("empty.npy", "at least one row"), ("flat.npy", "two-dimensional")] {
            let predict = runCLI(["predict", "--model", f.model, f.dir + "/" + input])
            #expect(predict.code == 1, "predict \(input)")
            #expect(predict.stderr.contains(message), "predict \(input): \(predict.stderr)")
        }
    }

    @Test func corruptImages() throws {
        let f = try FitPredictCommandTests.Files()
        try FileManager.default.createDirectory(atPath: f.dir + "/imgs", withIntermediateDirectories: true)
        for i in 0..<20 {
            let pixels = (0..<(32 * 32)).map { UInt8(($0 * 7 + i * 13) % 256) }
            try ImageFile.write(Image(width: 32, height: 32, channels: 1, pixels: pixels), to: f.dir + "/imgs/\(i).png")
        }
        #expect(runCLI(["fit", "--train", f.dir + "/imgs", "--features", "pixels", "--pca", "4", "--threshold", "mad",
                        "--model", f.model, "--no-cache", "--quiet"]).code == 0)
        _ = FileManager.default.createFile(atPath: f.dir + "/imgs/zz-broken.png", contents: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A]))
        for args in [["predict", "--model", f.model, f.dir + "/imgs", "--no-cache"],
                     ["fit", "--train", f.dir + "/imgs", "--features", "pixels", "--pca", "4", "--threshold", "mad", "--model", f.dir + "/other.tkd", "--no-cache"],
                     ["synthesize", "--input", f.dir + "/imgs", "--output", f.dir + "/syn"],
                     ["features", "--input", f.dir + "/imgs", "--features", "pixels", "--out", f.dir + "/x.npy", "--no-cache"],
                     ["convert", f.dir + "/imgs/zz-broken.png", f.dir + "/x.png"]] {
            let r = runCLI(args)
            #expect(r.code == 1, "\(args[0])")
            #expect(r.stderr.contains("zz-broken.png"), "\(args[0]): \(r.stderr)")
        }
        // Feature matrices where images are expected, and the reverse.
        for args in [["synthesize", "--input", f.train, "--output", f.dir + "/syn"],
                     ["features", "--input", f.train, "--features", "pixels", "--out", f.dir + "/x.npy"],
                     ["predict", "--model", f.model, f.train]] {
            let r = runCLI(args)
            #expect(r.code == 1, "\(args[0]) with a .npy")
        }
        #expect(runCLI(["convert", f.dir + "/none.png", f.dir + "/x.png"]).code == 1)
    }
}
