import Foundation
import Imaging
@testable import Pipeline
import Randomness
import Testing

struct SynthesisJobTests {
    /// Two seeded 64×48 RGB images, `a.png` and `b.png`, in a fresh folder.
    static func inputs() throws -> (dir: String, paths: [String]) {
        let dir = DetectorTestData.temporaryFolder()
        var g = SeededGenerator(seed: 2)
        var paths: [String] = []
        for name in ["a", "b"] {
            let image = Image(width: 64, height: 48, channels: 3, pixels: (0..<(64 * 48 * 3)).map { _ in UInt8(g.nextInt(below: 256)) })
            try ImageFile.write(image, to: "\(dir)/\(name).png")
            paths.append("\(dir)/\(name).png")
        }
        return (dir, paths)
    }

    static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test func outputsCycleThroughInputsAndKeepPixelsOutsideTheMask() throws {
        let (dir, paths) = try Self.inputs()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var job = SynthesisJob(inputs: paths, outputDirectory: dir + "/out")
        job.count = 5
        job.seed = 11
        let (outputs, warnings) = try job.run()
        #expect(warnings.isEmpty)
        #expect(outputs.map(\.name) == ["a_000", "b_001", "a_002", "b_003", "a_004"])
        for o in outputs {
            let source = try ImageFile.read(path: o.source).image
            let image = try ImageFile.read(path: o.image).image
            let mask = try ImageFile.read(path: o.mask).image
            #expect(image.width == 64 && image.height == 48 && image.channels == 3)
            guard case let .uint8(m) = mask.samples, case let .uint8(s) = source.samples, case let .uint8(x) = image.samples else {
                Issue.record("expected 8-bit images")
                continue
            }
            #expect(Set(m).isSubset(of: [0, 255]))
            #expect(m.contains(255))   // probability 1: every output has a defect
            #expect(abs(Double(m.filter { $0 == 255 }.count) / Double(m.count) - o.coverage) < 1e-12)
            for p in 0..<(64 * 48) where m[p] == 0 {
                if x[3 * p] != s[3 * p] || x[3 * p + 1] != s[3 * p + 1] || x[3 * p + 2] != s[3 * p + 2] {
                    Issue.record("\(o.name): pixel \(p) outside the mask changed")
                    break
                }
            }
            #expect((0.5...1.0).contains(o.blend))
        }
    }

    @Test func sameSeedSameBytes() throws {
        let (dir, paths) = try Self.inputs()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var job = SynthesisJob(inputs: paths, outputDirectory: dir + "/one")
        job.count = 4
        job.seed = 3
        _ = try job.run()
        job.outputDirectory = dir + "/two"
        _ = try job.run()
        job.outputDirectory = dir + "/three"
        job.seed = 4
        _ = try job.run()
        for name in ["a_000", "b_001", "a_002_mask", "b_003"] {
            #expect(try Self.bytes("\(dir)/one/\(name).png") == Self.bytes("\(dir)/two/\(name).png"))
        }
        #expect(try Self.bytes("\(dir)/one/a_000.png") != Self.bytes("\(dir)/three/a_000.png"))
    }

    /// More outputs than one parallel chunk: order, names and cycling carry across chunks.
    @Test func countsBeyondOneChunk() throws {
        let (dir, paths) = try Self.inputs()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var job = SynthesisJob(inputs: paths, outputDirectory: dir + "/many")
        job.count = SynthesisJob.chunkSize + 6
        job.size = (16, 16)
        let outputs = try job.run().outputs
        #expect(outputs.count == SynthesisJob.chunkSize + 6)
        #expect(outputs.last?.name == "b_069")
        #expect(Set(outputs.map(\.name)).count == outputs.count)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/many").count == 2 * outputs.count)
    }

    @Test func sizeAndErrors() throws {
        let (dir, paths) = try Self.inputs()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var job = SynthesisJob(inputs: [paths[0]], outputDirectory: dir + "/sized")
        job.size = (32, 16)
        let out = try job.run().outputs
        #expect(out.count == 1)
        let image = try ImageFile.read(path: out[0].image).image
        #expect(image.width == 32 && image.height == 16)

        _ = FileManager.default.createFile(atPath: dir + "/broken.png", contents: Data([0x89, 0x50, 0x4E, 0x47, 1, 2, 3]))
        job = SynthesisJob(inputs: [paths[0], dir + "/broken.png"], outputDirectory: dir + "/bad")
        do { _ = try job.run(); Issue.record("expected an error") } catch { #expect("\(error)".contains("broken.png")) }
        job = SynthesisJob(inputs: paths, outputDirectory: dir + "/zero")
        job.count = 0
        #expect(throws: PipelineError.invalidSetting(name: "count", value: "0", expected: "at least 1")) { try job.run() }
        #expect(throws: PipelineError.self) { try SynthesisJob.textures(in: dir + "/zero") }
    }
}
