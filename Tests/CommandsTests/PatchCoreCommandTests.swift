import Foundation
import Imaging
import Testing
@testable import Commands

/// Bad patchcore and pixel-threshold options are refused before any work, with exit 2 and one line naming the option.
@Suite struct PatchCoreCommandTests {
    static func goodImages() throws -> String {
        let dir = NSTemporaryDirectory() + "tk-pc-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for i in 0..<12 {
            let pixels = (0..<(40 * 40)).map { UInt8(($0 * 7 + i * 13) % 256) }
            try ImageFile.write(Image(width: 40, height: 40, channels: 1, pixels: pixels), to: dir + "/\(i).png")
        }
        return dir
    }

    @Test(arguments: [
        (["--features", "pixels"], "features = pixels is invalid: expected efficientnet-lite0 for --scorer patchcore"),
        (["--layers", "stage9"], "layers = stage9 is invalid: expected unknown EfficientNet-Lite0 layer `stage9`"),
        (["--size", "100"], "--size expects one of 256, 320, 384, 512, auto, got '100'"),
        (["--coreset-cap", "0"], "--coreset-cap expects a whole number in 1...1000000, got '0'"),
        (["--coreset-fraction", "1.5"], "--coreset-fraction"),
    ])
    func badPatchCoreOptionsExitTwoNamingTheOption(extra: [String], message: String) throws {
        let dir = try Self.goodImages()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = runCLI(["fit", "--train", dir, "--scorer", "patchcore", "--model", dir + "/pc.tkd", "--no-cache"] + extra)
        #expect(r.code == 2, "\(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/pc.tkd"))
    }

    @Test func pixelOptionsOnAScorerWithoutMapsAreUsageErrors() throws {
        let dir = try Self.goodImages()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for option in [["--pixel-threshold", "pixel-conformal"], ["--pixel-alpha", "0.1"]] {
            let r = runCLI(["fit", "--train", dir, "--scorer", "kde", "--features", "pixels", "--model", dir + "/k.tkd", "--no-cache"] + option)
            #expect(r.code == 2 && r.stderr.contains("\(option[0]) applies to scorers that draw anomaly maps (--scorer patchcore)"), "\(r.stderr)")
        }
    }

    @Test func mapsFromADetectorWithoutMapsAreRefusedNamingTheScorer() throws {
        let dir = try Self.goodImages()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fit = runCLI(["fit", "--train", dir, "--scorer", "kde", "--features", "pixels", "--pca", "4", "--threshold", "mad",
                        "--model", dir + "/k.tkd", "--no-cache", "--quiet"])
        #expect(fit.code == 0, "\(fit.stderr)")
        let r = runCLI(["predict", "--model", dir + "/k.tkd", dir + "/0.png", "--maps", dir + "/maps", "--no-cache"])
        #expect(r.code != 0 && r.stderr.contains("--scorer patchcore"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/maps"))
    }
}
