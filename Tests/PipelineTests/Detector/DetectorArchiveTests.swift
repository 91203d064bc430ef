import ArrayFormats
import Foundation
import LinearAlgebra
import Pipeline
import Scoring
import Testing
import Thresholding

struct DetectorArchiveTests {
    static func matrix(_ rows: [[Float]]) -> Matrix<Float> {
        Matrix(rows: rows.count, columns: rows[0].count, elements: rows.flatMap { $0 })
    }

    static func message(_ body: () throws -> Detector) -> String {
        do { _ = try body(); return "no error" } catch { return "\(error)" }
    }

    @Test(arguments: [ScorerKind.kde, .svdd])
    func reloadedDetectorPredictsBitIdentically(kind: ScorerKind) throws {
        let detector = try DetectorTestData.fit(kind, threshold: .strategy(ConformalThreshold(alpha: 0.1))).detector
        let dir = DetectorTestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try detector.write(to: dir + "/d.tkd")
        let loaded = try Detector.read(path: dir + "/d.tkd")

        let queries = Self.matrix(DetectorTestData.rows(30, seed: 2) + DetectorTestData.rows(10, seed: 3, shift: 4))
        let a = try detector.predict(queries), b = try loaded.predict(queries)
        #expect(a.map(\.score.bitPattern) == b.map(\.score.bitPattern))
        #expect(a == b)
        #expect(loaded.threshold == detector.threshold)
        #expect(loaded.calibrationScores.map(\.bitPattern) == detector.calibrationScores.map(\.bitPattern))
        #expect(loaded.calibration == .split)
        #expect(loaded.normalization == detector.normalization)
        #expect(loaded.features == .vectors(dimension: 12))
        #expect(loaded.provenance["test"]?.stringValue == "yes")
        // KDE flags the shifted rows (5 epochs of Deep SVDD are too few to promise it), and carries the log-likelihood.
        if kind == .kde { #expect(b.suffix(10).allSatisfy { $0.isAnomalous }) }
        #expect(b.allSatisfy { ($0.logLikelihood != nil) == (kind == .kde) })
        // The atomic write leaves only the detector in the folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["d.tkd"])
    }

    @Test func damagedFilesGiveClearErrors() throws {
        let detector = try DetectorTestData.fit(threshold: .strategy(ConformalThreshold(alpha: 0.1))).detector
        let dir = DetectorTestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/d.tkd"
        try detector.write(to: path)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))

        try Data(bytes.prefix(bytes.count / 2)).write(to: URL(fileURLWithPath: path))
        let truncated = Self.message { try Detector.read(path: path) }
        #expect(truncated.contains("detector file \(path)"))
        #expect(truncated.contains("truncated or damaged") || truncated.contains("truncat"))

        var flipped = bytes
        flipped[bytes.count / 2] ^= 0x40
        try Data(flipped).write(to: URL(fileURLWithPath: path))
        #expect(Self.message { try Detector.read(path: path) }.contains("SHA-256 mismatch"))

        try Data("not a detector".utf8).write(to: URL(fileURLWithPath: path))
        #expect(Self.message { try Detector.read(path: path) }.contains("detector file \(path)"))
        #expect(Self.message { try Detector.read(path: dir + "/missing.tkd") }.contains("missing.tkd"))
    }

    /// Valid archives with edited contents: each problem is named.
    @Test func editedArchivesNameTheField() throws {
        let archive = try DetectorTestData.fit(threshold: .strategy(ConformalThreshold(alpha: 0.1))).detector.archive()
        func edited(_ change: (inout TensorArchive) -> Void) -> String {
            var copy = archive
            change(&copy)
            return Self.message { try Detector(archive: copy, path: "x.tkd") }
        }
        func setMetadata(_ a: inout TensorArchive, _ key: String, _ value: JSONValue) {
            guard case var .object(fields) = a.metadata else { return }
            if let i = fields.firstIndex(where: { $0.key == key }) { fields[i].value = value }
            a.metadata = .object(fields)
        }
        #expect(edited { setMetadata(&$0, "format", "something-else") }.contains("not a ThresholdKit detector"))
        #expect(edited { setMetadata(&$0, "version", 99) }.contains("format version 99 is not supported"))
        #expect(edited { $0.sections.removeAll { $0.name == "pca_mean" } }.contains("array pca_mean is missing"))
        #expect(edited { a in
            if let i = a.sections.firstIndex(where: { $0.name == "kde_points" }) {
                a.sections[i].array = NPYArray(rows: 3, columns: 7, values: [Float](repeating: 0, count: 21))
            }
        }.contains("array kde_points has shape 3×7, expected any×4"))
        #expect(edited { a in
            if let i = a.sections.firstIndex(where: { $0.name == "pca_mean" }) {
                a.sections[i].array = NPYArray([Double](repeating: 0, count: 12))
            }
        }.contains("pca_mean must be float32"))
        #expect(edited { setMetadata(&$0, "scorer", ["kind": "forest"]) }.contains("scorer.kind \"forest\" is unknown"))
        // An architecture claiming absurd sizes is refused before anything is allocated for it.
        let huge: JSONValue = ["kind": "svdd", "architecture": ["type": "conv", "image_size": .number(Double(1 << 40))]]
        #expect(edited { setMetadata(&$0, "scorer", huge) }.contains("image size must be a multiple of 32 in 32...4096"))
        let wide: JSONValue = ["kind": "svdd", "architecture": ["type": "mlp", "input": 12, "hidden": [.number(Double(1 << 40))], "representation": 4]]
        #expect(edited { setMetadata(&$0, "scorer", wide) }.contains("MLP dimensions must lie in"))
        #expect(edited { setMetadata(&$0, "threshold", ["strategy": "manual"]) }.contains("the header has no field threshold.details"))
        #expect(edited { a in
            if let i = a.sections.firstIndex(where: { $0.name == "calibration_scores" }) { a.sections[i].array = NPYArray([1.0, .nan]) }
        }.contains("calibration_scores holds a NaN"))
    }

    @Test func unwritablePathIsReportedAndNothingIsLeftBehind() throws {
        let detector = try DetectorTestData.fit(threshold: .strategy(ConformalThreshold(alpha: 0.1))).detector
        let path = "/nonexistent-folder-\(UUID().uuidString)/d.tkd"
        #expect(throws: PipelineError.self) { try detector.write(to: path) }
        do { try detector.write(to: path) } catch { #expect("\(error)".contains(path)) }
    }

    @Test func unfittedScorerCannotBeSaved() throws {
        var detector = try DetectorTestData.fit(threshold: .strategy(ConformalThreshold(alpha: 0.1))).detector
        detector.scorer = .kde(KDEClassifier())
        #expect(throws: PipelineError.invalidSetting(name: "scorer", value: "kde (not fitted)", expected: "a fitted scorer")) {
            try detector.write(to: "/tmp/never-written.tkd")
        }
    }

    @Test func wrongWidthIsRejectedOnPredict() throws {
        let detector = try DetectorTestData.fit(threshold: .strategy(ConformalThreshold(alpha: 0.1))).detector
        #expect(throws: PipelineError.invalidSetting(name: "input width", value: "5",
                                                     expected: "12 columns, as the detector was fitted on 12-dimensional feature vectors (.npy)")) {
            try detector.predict(Matrix(rows: 1, columns: 5, elements: [1, 2, 3, 4, 5]))
        }
    }
}
