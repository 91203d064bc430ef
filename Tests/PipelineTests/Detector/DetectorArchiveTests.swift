import ArrayFormats
import Foundation
import LinearAlgebra
import Pipeline
import Scoring
import Testing
import Thresholding

struct DetectorArchiveTests {
    static func message(_ body: () throws -> Detector) -> String {
        do { _ = try body(); return "no error" } catch { return "\(error)" }
    }

    static func soft() -> DeepSVDDScorer {
        var s = DetectorTestData.svdd
        s.configuration.objective = .softBoundary(nu: 0.1)
        s.configuration.warmUpEpochs = 2
        return s
    }

    static let scorers: [(String, any AnomalyScorer)] = [
        ("kde scale", DetectorTestData.kde),
        ("kde norm", KDEClassifier(componentCount: 4, featureScaling: .norm, seed: 9)),
        ("kde anomalib-compatible", KDEClassifier(componentCount: 4, featureScaling: .norm, anomalibCompatible: true, seed: 9)),
        ("svdd one-class", DetectorTestData.svdd),
        ("svdd soft-boundary", soft()),
    ]

    @Test(arguments: 0..<5)
    func reloadedDetectorPredictsBitIdentically(index: Int) throws {
        let (name, scorer) = Self.scorers[index]
        let detector = try DetectorTestData.fit(scorer, threshold: ConformalThreshold(alpha: 0.1)).detector
        let dir = DetectorTestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try detector.write(to: dir + "/d.tkd")
        let loaded = try Detector.read(path: dir + "/d.tkd")

        var queries = DetectorTestData.rows(30, seed: 2)
        queries = Matrix(rows: 40, columns: 12, elements: queries.elements + DetectorTestData.rows(10, seed: 3, shift: 4).elements)
        let a = try detector.predict(queries), b = try loaded.predict(queries)
        #expect(a.map(\.score.bitPattern) == b.map(\.score.bitPattern), "\(name)")
        #expect(a == b, "\(name)")
        #expect(Set(b.map(\.score)).count > 30, "\(name): scores should vary")
        #expect(loaded.threshold == detector.threshold)
        #expect(loaded.calibrationScores.map(\.bitPattern) == detector.calibrationScores.map(\.bitPattern))
        #expect(loaded.calibration == .split)
        #expect(loaded.normalization == detector.normalization)
        #expect(loaded.features == .vectors(dimension: 12))
        #expect(loaded.provenance["test"]?.stringValue == "yes")
        #expect(loaded.scorerName == detector.scorerName)
        if name == "kde scale" { #expect(b.suffix(10).allSatisfy { $0.isAnomalous }) }   // the shifted rows; norm scaling loses the shift
        if name.hasPrefix("kde") {
            #expect(b.allSatisfy { $0.logLikelihood == -$0.score })
        } else {
            #expect(b.allSatisfy { $0.logLikelihood == nil })
        }
        // The atomic write leaves only the detector in the folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["d.tkd"])
    }

    @Test func convolutionalDeepSVDDReloadsBitIdentically() throws {
        var c = DeepSVDDConfiguration()
        c.epochs = 2
        c.pretrainingEpochs = 1
        c.seed = 4
        let scorer = DeepSVDDScorer(architecture: .convolutional(imageSize: 32), configuration: c)
        let good = Matrix<Float>(rows: 20, columns: 1024, elements: (0..<(20 * 1024)).map { Float(($0 * 7919) % 1000) / 1000 })
        let detector = try Detector.fit(good, scorer: scorer, threshold: ManualThreshold(value: 1), calibration: .none)
        let dir = DetectorTestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try detector.write(to: dir + "/conv.tkd")
        let loaded = try Detector.read(path: dir + "/conv.tkd")
        #expect(try loaded.scores(good).map(\.bitPattern) == detector.scores(good).map(\.bitPattern))
    }

    @Test func damagedFilesGiveClearErrors() throws {
        let detector = try DetectorTestData.fit(threshold: ConformalThreshold(alpha: 0.1)).detector
        let dir = DetectorTestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/d.tkd"
        try detector.write(to: path)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))

        try Data(bytes.prefix(bytes.count / 2)).write(to: URL(fileURLWithPath: path))
        let truncated = Self.message { try Detector.read(path: path) }
        #expect(truncated.contains("detector file \(path)"))
        #expect(truncated.contains("truncated or damaged"))

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
        let archive = try DetectorTestData.fit(threshold: ConformalThreshold(alpha: 0.1)).detector.archive()
        func edited(_ change: (inout TensorArchive) -> Void) -> String {
            var copy = archive
            change(&copy)
            return Self.message { try Detector(archive: copy, path: "x.tkd") }
        }
        func setMetadata(_ a: inout TensorArchive, _ path: [String], _ value: JSONValue) {
            func set(_ v: JSONValue, _ keys: ArraySlice<String>) -> JSONValue {
                guard let key = keys.first, case var .object(fields) = v else { return value }
                if let i = fields.firstIndex(where: { $0.key == key }) { fields[i].value = set(fields[i].value, keys.dropFirst()) }
                else { fields.append((key, set(.object([]), keys.dropFirst()))) }
                return .object(fields)
            }
            a.metadata = set(a.metadata, path[...])
        }
        func remove(_ a: inout TensorArchive, _ parent: String, _ key: String) {
            guard case var .object(fields) = a.metadata, let i = fields.firstIndex(where: { $0.key == parent }),
                  case var .object(inner) = fields[i].value else { return }
            inner.removeAll { $0.key == key }
            fields[i].value = .object(inner)
            a.metadata = .object(fields)
        }
        #expect(edited { setMetadata(&$0, ["format"], "something-else") }.contains("not a ThresholdKit detector"))
        #expect(edited { setMetadata(&$0, ["version"], 99) }.contains("format version 99 is newer than this build reads"))
        #expect(edited { setMetadata(&$0, ["version"], 0) }.contains("refit the detector"))
        #expect(edited { $0.sections.removeAll { $0.name == "scorer/pca_mean" } }.contains("scorer.pca_mean (array) is missing"))
        #expect(edited { a in
            if let i = a.sections.firstIndex(where: { $0.name == "scorer/kde_points" }) {
                a.sections[i].array = NPYArray(rows: 3, columns: 7, values: [Float](repeating: 0, count: 21))
            }
        }.contains("scorer.kde_points has shape 3×7, expected any×4"))
        #expect(edited { a in
            if let i = a.sections.firstIndex(where: { $0.name == "scorer/pca_mean" }) {
                a.sections[i].array = NPYArray([Double](repeating: 0, count: 12))
            }
        }.contains("scorer.pca_mean must be float32"))
        #expect(edited { setMetadata(&$0, ["scorer", "kind"], "forest") }.contains("scorer kind \"forest\" is unknown to this build"))
        #expect(edited { setMetadata(&$0, ["scorer", "pca_method"], "magic") }.contains("scorer.pca_method must be one of automatic, gram"))
        #expect(edited { setMetadata(&$0, ["scorer", "seed"], 3) }.contains("scorer.seed must be a decimal UInt64"))
        // An architecture claiming absurd sizes is refused before anything is allocated for it.
        let huge: JSONValue = ["kind": "svdd", "architecture": ["type": "conv", "image_size": .number(Double(1 << 40))]]
        #expect(edited { setMetadata(&$0, ["scorer"], huge) }.contains("scorer.architecture.image_size = 1099511627776 is out of range 32...4096"))
        let wide: JSONValue = ["kind": "svdd", "architecture": ["type": "mlp", "input": 12, "hidden": [.number(Double(1 << 40))], "representation": 4]]
        #expect(edited { setMetadata(&$0, ["scorer"], wide) }.contains("scorer.architecture.hidden must be a list of integers in 1...67108864"))
        #expect(edited { remove(&$0, "threshold", "threshold") }.contains("threshold.threshold is missing"))
        #expect(edited { setMetadata(&$0, ["threshold", "n"], "twenty") }.contains("threshold.n must be a number or null"))
        #expect(edited { remove(&$0, "scorer", "max_training_points") }.contains("scorer.max_training_points is missing"))
        #expect(edited { a in
            if let i = a.sections.firstIndex(where: { $0.name == "calibration_scores" }) { a.sections[i].array = NPYArray([1.0, .nan]) }
        }.contains("calibration_scores holds a NaN"))
        #expect(edited { setMetadata(&$0, ["calibration", "count"], 3) }.contains("calibration.count does not match the 20 stored"))
    }

    @Test func unwritablePathIsReportedAndNothingIsLeftBehind() throws {
        let detector = try DetectorTestData.fit(threshold: ConformalThreshold(alpha: 0.1)).detector
        let path = "/nonexistent-folder-\(UUID().uuidString)/d.tkd"
        do { try detector.write(to: path); Issue.record("written") } catch { #expect("\(error)".contains(path)) }
    }

    @Test func unfittedOrUnsavableScorersCannotBeSaved() throws {
        var detector = try DetectorTestData.fit(threshold: ConformalThreshold(alpha: 0.1)).detector
        detector.scorer = KDEClassifier()
        #expect(throws: PipelineError.detectorFile(path: "/tmp/never-written.tkd", reason: "the kde scorer cannot be saved: the scorer has not been fitted")) {
            try detector.write(to: "/tmp/never-written.tkd")
        }
        detector.scorer = ClosureScorer { _ in 0 }
        #expect(throws: PipelineError.detectorFile(path: "/tmp/never-written.tkd",
                                                   reason: "the closure scorer cannot be saved: it does not conform to ArchivableScorer, so this detector works in memory only")) {
            try detector.write(to: "/tmp/never-written.tkd")
        }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never-written.tkd"))
    }

    @Test func wrongWidthIsRejectedOnPredict() throws {
        let detector = try DetectorTestData.fit(threshold: ConformalThreshold(alpha: 0.1)).detector
        #expect(throws: PipelineError.invalidInput(name: "input width", value: "5 features per sample",
                                                   expected: "12, as the detector was fitted on 12-dimensional feature vectors (.npy)")) {
            try detector.predict(Matrix(rows: 1, columns: 5, elements: [1, 2, 3, 4, 5]))
        }
    }
}
