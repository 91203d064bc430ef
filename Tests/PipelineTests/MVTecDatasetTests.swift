import Foundation
import Testing
@testable import Pipeline
import TestSupport

@Suite struct MVTecDatasetTests {
    /// Builds a tiny layout of empty files; only names matter here.
    static func makeLayout(_ files: [String]) -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tk-mvtec-\(UUID().uuidString)").path
        for f in files {
            let path = root + "/" + f
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: path, contents: Data([0]))
        }
        return root
    }

    @Test func readsTheLayoutInAStableOrder() throws {
        let root = Self.makeLayout([
            "train/good/001.png", "train/good/000.png", "train/good/.DS_Store", "train/good/notes.txt",
            "test/good/000.png", "test/crack/b.jpg", "test/crack/a.jpg", "test/blowhole/x.png",
            "ground_truth/crack/a_mask.png",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let d = try MVTecDataset.load(root: root)
        #expect(d.trainGood.map { ($0 as NSString).lastPathComponent } == ["000.png", "001.png"])
        #expect(d.test.map(\.category) == ["good", "blowhole", "crack", "crack"])
        #expect(d.test.map { ($0.path as NSString).lastPathComponent } == ["000.png", "x.png", "a.jpg", "b.jpg"])
        #expect(d.test[2].maskPath == root + "/ground_truth/crack/a_mask.png")
        #expect(d.test[3].maskPath == nil)
        #expect(d.testGood.count == 1 && d.testAnomalous.count == 3)
    }

    @Test func missingOrEmptyFoldersAreClearErrors() {
        #expect(throws: PipelineError.self) { try MVTecDataset.load(root: "/nonexistent/dataset") }
        let noTrain = Self.makeLayout(["test/good/0.png"])
        defer { try? FileManager.default.removeItem(atPath: noTrain) }
        #expect(throws: PipelineError.self) { try MVTecDataset.load(root: noTrain) }
        let emptyTrain = Self.makeLayout(["train/good/readme.txt"])
        defer { try? FileManager.default.removeItem(atPath: emptyTrain) }
        do {
            _ = try MVTecDataset.load(root: emptyTrain)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("train/good"))
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: MVTecDatasetTests.shared + "/datasets/bottle"), "../shared is absent: real-data checks skipped"))
    func realSetsHaveTheDocumentedCounts() throws {
        let bottle = try MVTecDataset.load(root: Self.shared + "/datasets/bottle")
        #expect(bottle.trainGood.count == 209)
        #expect(bottle.testGood.count == 20 && bottle.testAnomalous.count == 63)
        #expect(bottle.testAnomalous.allSatisfy { $0.maskPath != nil })
        let mtile = try MVTecDataset.load(root: Self.shared + "/datasets/mtile")
        #expect(mtile.trainGood.count == 634)
        #expect(mtile.testGood.count == 318 && mtile.testAnomalous.count == 392)
    }

    static let shared: String = SharedReference.root.path
}
