import ArrayFormats
import Foundation
import Pipeline
import Testing
import Thresholding

/// `compare --dataset` and `fit` train through the same path, and the detector a report
/// keeps reproduces the report's numbers.
@Suite(.serialized) struct OneTrainingPathTests {
    /// The built-in demo set written once as PNGs in the MVTec layout (200 train, 60 + 60 test, 64×64).
    static let dataset: String = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tk-one-path-\(UUID().uuidString)").path
        try? DemoDataset.generate(seed: 5).write(to: dir)
        return dir
    }()

    static func comparison(seed: UInt64) throws -> DatasetComparison.Outcome {
        var job = DatasetComparison(datasetPath: dataset)
        job.features = "pixels"
        job.cache = nil
        job.seed = seed
        return try job.run()
    }

    @Test func fitWithTheSameSeedGivesCompareSplitSyntheticAnomaliesAndThreshold() throws {
        let outcome = try Self.comparison(seed: 11)
        let compared = try #require(outcome.result.comparison.entries.first { $0.name == "synthetic-ba" }?.fitted)
        let dir = DetectorTestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var fit = FitJob(trainInputs: [Self.dataset + "/train/good"], modelPath: dir + "/fit.tkd", scorer: KDEClassifierDescriptor.kde,
                         scorerValues: KDEClassifierDescriptor.kde.emptyValues, threshold: SyntheticAnomalyThreshold())
        fit.features = "pixels"
        fit.seed = 11
        let fitted = try fit.run()
        #expect(fitted.detector.calibrationScores == outcome.result.calibrationScores)
        #expect(fitted.detector.threshold == compared)
        #expect(fitted.trainingCount == 160 && fitted.sampleCount == 200)
        // Another seed draws another split.
        let other = try Self.comparison(seed: 12)
        #expect(other.result.calibrationScores != outcome.result.calibrationScores)
    }

    @Test func reportDetectorReproducesTheReportsTestScoresAndLabels() throws {
        let outcome = try Self.comparison(seed: 11)
        let dir = DetectorTestData.temporaryFolder() + "/report"
        defer { try? FileManager.default.removeItem(atPath: (dir as NSString).deletingLastPathComponent) }
        let files = try ReportWriter.write(outcome.result, detector: outcome.detector, samples: outcome.syntheticSamples, to: dir)
        #expect(files.contains("detector.tkd") && files.contains("report.json"))
        let detector = try Detector.read(path: dir + "/detector.tkd").attachingExtractor()
        let result = outcome.result
        let predicted = try detector.predict(images: result.test.map(\.path))
        #expect(predicted.paths == result.test.map(\.path))
        #expect(predicted.predictions.map(\.score.bitPattern) == result.test.map(\.score.bitPattern))
        let entry = try #require(result.comparison.entries.first { $0.name == result.recommended.strategy })
        let counts = try #require(entry.counts)
        let flaggedGood = zip(result.test, predicted.predictions).filter { !$0.0.isAnomalous && $0.1.isAnomalous }.count
        let flaggedBad = zip(result.test, predicted.predictions).filter { $0.0.isAnomalous && $0.1.isAnomalous }.count
        #expect(flaggedGood == counts.falsePositives && flaggedBad == counts.truePositives)
        #expect(zip(result.test, predicted.predictions).allSatisfy { $0.0.pValue == $0.1.pValue })
    }

    @Test func aReportFolderIsWrittenAsOneUnitAndNeverMixesRuns() throws {
        let outcome = try Self.comparison(seed: 11)
        let parent = DetectorTestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let dir = parent + "/report"
        _ = try ReportWriter.write(outcome.result, detector: outcome.detector, samples: outcome.syntheticSamples, to: dir)
        // A second run into the same non-empty folder is refused without force, and leaves it as it was.
        let before = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(throws: PipelineError.self) {
            try ReportWriter.write(outcome.result, detector: outcome.detector, samples: [], to: dir)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == before)
        // With force it replaces the whole folder: the old synthetic samples are gone.
        _ = try ReportWriter.write(outcome.result, detector: nil, samples: [], to: dir, force: true)
        #expect(!FileManager.default.fileExists(atPath: dir + "/detector.tkd"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/synthetic").isEmpty)
        // No staging folder is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["report"])
    }
}

/// The catalog entry under a name that reads well in tests.
enum KDEClassifierDescriptor {
    static var kde: ScorerDescriptor { ScorerCatalog.standard["kde"]! }
}
