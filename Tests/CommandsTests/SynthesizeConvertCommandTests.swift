import ArrayFormats
import Foundation
import Imaging
import Testing
import TestSupport
@testable import Commands

@Suite struct SynthesizeConvertCommandTests {
    typealias Folder = TemporaryFolder

    static func rgb(_ w: Int, _ h: Int) -> Image {
        Image(width: w, height: h, channels: 3, pixels: (0..<(w * h * 3)).map { UInt8(($0 * 37 + $0 / 7) % 256) })
    }

    @Test func synthesizeWritesPairsAndReportsThem() throws {
        let f = try Folder()
        try ImageFile.write(Self.rgb(40, 30), to: f.path + "/part.png")
        let r = runCLI(["synthesize", "--input", f.path + "/part.png", "--output", f.path + "/out", "--count", "3",
                        "--seed", "5", "--blend", "0.2,0.4", "--size", "32x32", "--dual-mask", "--json"])
        #expect(r.code == 0, "\(r.stderr)")
        let items = try #require(try r.json().arrayValue)
        #expect(items.map { $0["name"]?.stringValue } == ["part_000", "part_001", "part_002"])
        for item in items {
            #expect((0.2...0.4).contains(item["blend"]?.doubleValue ?? -1))
            let image = try ImageFile.read(path: try #require(item["image"]?.stringValue)).image
            #expect(image.width == 32 && image.height == 32)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: f.path + "/out").count == 6)
        let again = runCLI(["synthesize", "--input", f.path + "/part.png", "--output", f.path + "/out", "--count", "3",
                            "--seed", "5", "--blend", "0.2,0.4", "--size", "32x32", "--dual-mask", "--json"])
        #expect(again.stdout == r.stdout)
    }

    @Test func synthesizeBadArguments() throws {
        let f = try Folder()
        try ImageFile.write(Self.rgb(8, 8), to: f.path + "/a.png")
        #expect(runCLI(["synthesize", "--input", f.path + "/a.png", "--output", f.path + "/o", "--count", "0"]).code == 2)
        #expect(runCLI(["synthesize", "--input", f.path + "/a.png", "--output", f.path + "/o", "--size", "0x4"]).code == 2)
        #expect(runCLI(["synthesize", "--input", f.path + "/a.png", "--output", f.path + "/o", "--blend", "0.9,0.1"]).code == 2)
        #expect(runCLI(["synthesize", "--input", f.path + "/a.png"]).code == 2)
        let missing = runCLI(["synthesize", "--input", f.path + "/nope", "--output", f.path + "/o"])
        #expect(missing.code == 1)
        #expect(missing.stderr.contains("nope"))
        let noTextures = runCLI(["synthesize", "--input", f.path + "/a.png", "--output", f.path + "/o", "--source", f.path + "/empty"])
        #expect(noTextures.code == 1)
    }

    @Test func convertWritesExactlyTheDecodedPixels() throws {
        let f = try Folder()
        let image = Self.rgb(13, 7)
        try ImageFile.write(image, to: f.path + "/in.png")
        #expect(runCLI(["convert", f.path + "/in.png", f.path + "/out.ppm"]).code == 0)
        #expect(try ImageFile.read(path: f.path + "/out.ppm").image == image)
        #expect(runCLI(["convert", f.path + "/out.ppm", f.path + "/back.png"]).code == 0)
        #expect(try ImageFile.read(path: f.path + "/back.png").image == image)
        // 16-bit grey survives a PNG → PNM → PNG trip.
        let deep = Image(width: 3, height: 2, channels: 1, pixels16: [0, 1, 256, 4095, 65534, 65535])
        try ImageFile.write(deep, to: f.path + "/deep.png")
        #expect(runCLI(["convert", f.path + "/deep.png", f.path + "/deep.pgm"]).code == 0)
        #expect(try ImageFile.read(path: f.path + "/deep.pgm").image == deep)
    }

    @Test func convertErrors() throws {
        let f = try Folder()
        let rgba = Image(width: 2, height: 2, channels: 4, pixels: Array(repeating: 200, count: 16))
        try ImageFile.write(rgba, to: f.path + "/alpha.png")
        let alpha = runCLI(["convert", f.path + "/alpha.png", f.path + "/x.ppm"])
        #expect(alpha.code == 1)
        #expect(alpha.stderr.contains("alpha"))
        #expect(runCLI(["convert", f.path + "/alpha.png", f.path + "/x.gif"]).code == 2)
        #expect(runCLI(["convert", f.path + "/alpha.png"]).code == 2)
        _ = FileManager.default.createFile(atPath: f.path + "/junk.png", contents: Data("hello".utf8))
        let junk = runCLI(["convert", f.path + "/junk.png", f.path + "/x.png"])
        #expect(junk.code == 1)
        #expect(junk.stderr.contains("junk.png"))
        #expect(!FileManager.default.fileExists(atPath: f.path + "/x.png"))
        let big = runCLI(["convert", f.path + "/alpha.png", f.path + "/y.png", "--max-pixels", "3"])
        #expect(big.code == 1)
    }
}

@Suite struct FeaturesCommandTests {
    @Test func pixelsFeaturesInSortedPathOrderWithListing() throws {
        let f = try SynthesizeConvertCommandTests.Folder()
        // Named out of order, and one folder: rows still come out sorted by path.
        try ImageFile.write(Image(width: 32, height: 32, channels: 1, pixels: Array(repeating: 255, count: 1024)), to: f.path + "/b.png")
        try ImageFile.write(Image(width: 64, height: 64, channels: 1, pixels: Array(repeating: 0, count: 4096)), to: f.path + "/a.png")
        let r = runCLI(["features", "--input", f.path + "/b.png", f.path + "/a.png", "--features", "pixels", "--out", f.path + "/x.npy",
                        "--no-cache", "--quiet"])
        #expect(r.code == 0, "\(r.stderr)")
        let array = try NPY.read(path: f.path + "/x.npy")
        #expect(array.shape == [2, 1024])
        #expect(array.dtype.descr == "<f4")
        let values = array.floats()
        #expect(values[0..<1024].allSatisfy { $0 == 0 })      // a.png: black
        #expect(values[1024...].allSatisfy { $0 == 1 })       // b.png: white, grey in [0, 1]
        #expect(try String(contentsOfFile: f.path + "/x.npy.paths.txt", encoding: .utf8) == "\(f.path)/a.png\n\(f.path)/b.png\n")
        // A folder gives the same rows.
        #expect(runCLI(["features", "--input", f.path, "--features", "pixels", "--out", f.path + "/y.npy", "--no-cache", "--quiet"]).code == 0)
        #expect(try NPY.read(path: f.path + "/y.npy") == array)
    }

    @Test func badArguments() throws {
        let f = try SynthesizeConvertCommandTests.Folder()
        try ImageFile.write(Image(width: 4, height: 4, channels: 1, pixels: Array(repeating: 9, count: 16)), to: f.path + "/a.png")
        #expect(runCLI(["features", "--input", f.path, "--out", f.path + "/x.csv", "--features", "pixels"]).code == 2)
        #expect(runCLI(["features", "--input", f.path, "--out", f.path + "/x.npy", "--features", "resnet"]).code == 2)
        _ = FileManager.default.createFile(atPath: f.path + "/bad.png", contents: Data("no".utf8))
        let bad = runCLI(["features", "--input", f.path, "--out", f.path + "/x.npy", "--features", "pixels", "--no-cache"])
        #expect(bad.code == 1)
        #expect(bad.stderr.contains("bad.png"))
        let skipped = runCLI(["features", "--input", f.path, "--out", f.path + "/x.npy", "--features", "pixels", "--no-cache", "--skip-unreadable"])
        #expect(skipped.code == 0)
        #expect(skipped.stderr.contains("skipped"))
        #expect(try NPY.read(path: f.path + "/x.npy").shape == [1, 1024])
    }
}

/// `convert` as the end-to-end check the images issue describes, on the JPEG conformance files.
@Suite(.enabled(if: SharedReference.has("codecs/jpeg/djpeg-reference/MANIFEST.tsv"), Comment(rawValue: SharedReference.skipReason)))
struct ConvertConformanceTests {
    @Test func convertMatchesDjpegWarnsAndRefusesLikeLibjpeg() throws {
        let folder = try SynthesizeConvertCommandTests.Folder()
        let manifest = try String(contentsOfFile: SharedReference.path("codecs/jpeg/djpeg-reference/MANIFEST.tsv"), encoding: .utf8)
        var counts = (ok: 0, warning: 0, failed: 0)
        for (index, line) in manifest.split(separator: "\n").enumerated() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 3 else { continue }
            let input = SharedReference.path("codecs/jpeg/" + fields[0])
            let output = "\(folder.path)/\(index).pnm"
            let r = runCLI(["convert", input, output])
            if fields[2] == "ok" || fields[2].hasPrefix("warning") {
                #expect(r.code == 0, "\(fields[0]): \(r.stderr)")
                let reference = try ImageFile.read(path: SharedReference.path("codecs/jpeg/djpeg-reference/" + fields[1])).image
                #expect(try ImageFile.read(path: output).image == reference, "\(fields[0])")
                if fields[2].hasPrefix("warning") {
                    #expect(r.stderr.contains("warning:"), "\(fields[0])")
                    counts.warning += 1
                } else {
                    counts.ok += 1
                }
            } else {
                #expect(r.code == 1, "\(fields[0]) should be refused")
                #expect(r.stderr.contains(fields[0].split(separator: "/").last.map(String.init) ?? "?"))
                counts.failed += 1
            }
        }
        #expect(counts.ok == 32 && counts.warning == 4 && counts.failed == 12)
    }
}
