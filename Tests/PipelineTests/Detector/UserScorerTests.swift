import ArrayFormats
import Foundation
import LinearAlgebra
import Pipeline
import Scoring
import Testing
import Thresholding

/// A scorer defined outside ThresholdKit: the squared distance to the mean.
private struct MeanDistance: VectorScorer, ArchivableScorer {
    static let kind = "test-mean-distance"
    var mean: [Float] = []
    init() {}
    mutating func fit(normal x: Matrix<Float>) throws(ScoringError) {
        mean = (0..<x.columns).map { j in (0..<x.rows).map { x[$0, j] }.reduce(0, +) / Float(max(x.rows, 1)) }
    }
    func score(_ x: Matrix<Float>) throws(ScoringError) -> [Double] {
        (0..<x.rows).map { i in (0..<x.columns).reduce(0.0) { $0 + Double((x[i, $1] - mean[$1]) * (x[i, $1] - mean[$1])) } }
    }
    func archived() throws(ScoringError) -> ArchiveRecord { ArchiveRecord(arrays: [("mean", NPYArray(mean))]) }
    init(restoring record: ArchiveRecord) throws(ScoringError) {
        do throws(ArchiveFieldError) { mean = try record.floats("mean", shape: [nil]).values } catch { throw .archive(error) }
    }
}

struct UserScorerTests {
    @Test func aUserScorerRoundTripsThroughADetectorFileOnceRegistered() throws {
        let good = DetectorTestData.rows(80, seed: 3)
        let detector = try Detector.fit(good, scorer: MeanDistance(), threshold: ConformalThreshold(alpha: 0.1))
        let dir = DetectorTestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try detector.write(to: dir + "/user.tkd")
        // The standard registry does not know the kind, and says so.
        do {
            _ = try Detector.read(path: dir + "/user.tkd")
            Issue.record("read without the kind registered")
        } catch {
            #expect(error.description.contains("scorer kind \"test-mean-distance\" is unknown to this build"))
        }
        let loaded = try Detector.read(path: dir + "/user.tkd", registry: ScorerCatalog.standard.registry.adding(MeanDistance.self))
        let queries = DetectorTestData.rows(20, seed: 4, shift: 3)
        #expect(try loaded.scores(queries) == detector.scores(queries))
        #expect(try loaded.predict(queries) == detector.predict(queries))
        #expect(loaded.scorerName == "test-mean-distance")
    }
}
