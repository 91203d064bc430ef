import Foundation
import Pipeline
import Randomness

/// Seeded good and anomalous feature rows for the detector tests.
enum DetectorTestData {
    /// `n` rows of `d` Gaussian features with spread 1/(j+1) in feature j; anomalies are shifted along feature 0.
    static func rows(_ n: Int, d: Int = 12, seed: UInt64, shift: Float = 0) -> [[Float]] {
        var g = SeededGenerator(seed: seed)
        return (0..<n).map { _ in (0..<d).map { j in Float(g.nextGaussian()) / Float(j + 1) + (j == 0 ? shift : 0) } }
    }

    static func fit(_ kind: ScorerKind = .kde, calibration: CalibrationMode = .split,
                    threshold: DetectorTraining.ThresholdChoice, anomalous: [[Float]] = []) throws -> DetectorTraining.Report {
        var settings = ScorerSettings(kind: kind)
        settings.componentCount = 4
        settings.hiddenDimensions = [16]
        settings.representationDimension = 4
        settings.training.epochs = 5
        settings.seed = 9
        var training = DetectorTraining(scorer: settings, threshold: threshold, calibration: calibration)
        training.provenance = ["test": "yes"]
        let good = rows(100, seed: 1)
        return try training.fit(DetectorTraining.Samples(vectors: good, features: .vectors(dimension: 12), anomalous: anomalous))
    }

    /// A path in a fresh temporary folder, removed with the folder by `cleanUp`.
    static func temporaryFolder() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tk-detector-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}
