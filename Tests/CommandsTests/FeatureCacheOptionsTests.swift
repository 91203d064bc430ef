import Foundation
import Imaging
import Testing
import TestSupport
@testable import Commands

/// The feature cache as the CLI sets it up: the environment's folder and cap, one warning when it cannot be written.
@Suite struct FeatureCacheOptionsTests {
    /// A temporary folder with `images` small grey PNGs in its `imgs` subfolder.
    static func folder(images: Int) throws -> TemporaryFolder {
        let folder = try TemporaryFolder(prefix: "tk-cli-cache")
        try FileManager.default.createDirectory(atPath: folder.path + "/imgs", withIntermediateDirectories: true)
        for i in 0..<images {
            let pixels = (0..<(32 * 32)).map { UInt8(($0 * 7 + i * 13) % 256) }
            try ImageFile.write(Image(width: 32, height: 32, channels: 1, pixels: pixels), to: folder.path + "/imgs/\(i).png")
        }
        return folder
    }

    static func run(_ args: [String], environment: [String: String]) -> CLIResult {
        ImageOptions.$environment.withValue(environment) { runCLI(args) }
    }

    static func lines(_ text: String) -> [Substring] { text.split(separator: "\n") }

    @Test(arguments: [("abc", "expected a size in MiB, a number ≥ 0 such as 2048 (0 turns the cache off)"),
                      ("-5", "it cannot be negative")])
    func aBadCapIsAUsageErrorOfOneLineNamingTheVariable(value: String, reason: String) throws {
        let f = try Self.folder(images: 2)
        let r = Self.run(["features", "--input", f.path + "/imgs", "--features", "pixels", "--out", f.path + "/x.npy"],
                         environment: ["THRESHOLDKIT_CACHE": f.path + "/cache", "THRESHOLDKIT_CACHE_MAX_MB": value])
        #expect(r.code == 2)
        #expect(Self.lines(r.stderr).count == 1, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("error: $THRESHOLDKIT_CACHE_MAX_MB = '\(value)' is invalid"))
        #expect(r.stderr.contains(reason))
        #expect(!FileManager.default.fileExists(atPath: f.path + "/x.npy"))
        // --no-cache does not read the variable at all.
        let off = Self.run(["features", "--input", f.path + "/imgs", "--features", "pixels", "--out", f.path + "/x.npy", "--no-cache", "--quiet"],
                           environment: ["THRESHOLDKIT_CACHE_MAX_MB": value])
        #expect(off.code == 0)
    }

    @Test func aCapOfZeroTurnsTheCacheOff() throws {
        let f = try Self.folder(images: 2)
        let r = Self.run(["features", "--input", f.path + "/imgs", "--features", "pixels", "--out", f.path + "/x.npy", "--quiet"],
                         environment: ["THRESHOLDKIT_CACHE": f.path + "/cache", "THRESHOLDKIT_CACHE_MAX_MB": "0"])
        #expect(r.code == 0)
        #expect(!FileManager.default.fileExists(atPath: f.path + "/cache"))
        let on = Self.run(["features", "--input", f.path + "/imgs", "--features", "pixels", "--out", f.path + "/x.npy", "--quiet"],
                          environment: ["THRESHOLDKIT_CACHE": f.path + "/cache"])
        #expect(on.code == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: f.path + "/cache").count == 2)
    }

    /// An unwritable cache is one warning line naming the folder, and the command's result is unchanged.
    @Test(arguments: [["features", "--input", "IMGS", "--features", "pixels", "--out", "OUT/x.npy"],
                      ["fit", "--train", "IMGS", "--anomalous", "IMGS", "--features", "pixels", "--pca", "4",
                       "--threshold", "adaptive-f1", "--model", "OUT/m.tkd"]])
    func anUnwritableCacheWarnsOnceAndTheRunSucceeds(_ template: [String]) throws {
        let f = try Self.folder(images: 20)
        _ = FileManager.default.createFile(atPath: f.path + "/blocker", contents: Data())
        let args = template.map { $0.replacingOccurrences(of: "IMGS", with: f.path + "/imgs").replacingOccurrences(of: "OUT", with: f.path) }
        let r = Self.run(args, environment: ["THRESHOLDKIT_CACHE": f.path + "/blocker/cache"])
        #expect(r.code == 0, "\(r.stderr)")
        let warnings = Self.lines(r.stderr).filter { $0.hasPrefix("warning:") }
        #expect(warnings == ["warning: the feature cache \(f.path)/blocker/cache cannot be written (Not a directory); continuing without caching"])
        let reference = runCLI(args.map { $0.replacingOccurrences(of: f.path + "/x.npy", with: f.path + "/y.npy")
                                             .replacingOccurrences(of: f.path + "/m.tkd", with: f.path + "/n.tkd") } + ["--no-cache"])
        #expect(reference.code == 0)
        if args[0] == "features" {
            #expect(FileManager.default.contents(atPath: f.path + "/x.npy") == FileManager.default.contents(atPath: f.path + "/y.npy"))
        } else {
            let a = runCLI(["predict", "--model", f.path + "/m.tkd", f.path + "/imgs", "--no-cache", "--json"])
            let b = runCLI(["predict", "--model", f.path + "/n.tkd", f.path + "/imgs", "--no-cache", "--json"])
            #expect(a.code == 0 && a.stdout == b.stdout)
        }
    }
}
