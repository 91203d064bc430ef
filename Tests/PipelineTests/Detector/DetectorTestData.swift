import Foundation
import LinearAlgebra
import Pipeline
import Randomness
import Scoring
import Thresholding

/// Seeded good and anomalous feature rows for the detector tests.
enum DetectorTestData {
    /// `n` rows of `d` Gaussian features with spread 1/(j+1) in feature j; anomalies are shifted along feature 0.
    static func rows(_ n: Int, d: Int = 12, seed: UInt64, shift: Float = 0) -> Matrix<Float> {
        var g = SeededGenerator(seed: seed)
        var values: [Float] = []
        for _ in 0..<n {
            for j in 0..<d { values.append(Float(g.nextGaussian()) / Float(j + 1) + (j == 0 ? shift : 0)) }
        }
        return Matrix(rows: n, columns: d, elements: values)
    }

    /// A small KDE (4 components) with a fixed seed.
    static let kde = KDEClassifier(componentCount: 4, seed: 9)

    /// A small MLP Deep SVDD (12-16-4, 5 epochs) with a fixed seed.
    static var svdd: DeepSVDDScorer {
        var c = DeepSVDDConfiguration()
        c.epochs = 5
        c.seed = 9
        return DeepSVDDScorer(architecture: .multilayerPerceptron(inputDimension: 12, hiddenDimensions: [16], representationDimension: 4),
                              configuration: c)
    }

    /// A detector on 100 good rows, trained through the one training path.
    static func fit(_ scorer: any AnomalyScorer = kde, calibration: CalibrationMode = .split, threshold: any Threshold,
                    anomalous: Matrix<Float>? = nil) throws -> (detector: Detector, warnings: [String]) {
        try DetectorTraining(scorer: scorer, calibration: calibration, seed: 9)
            .fit(TrainingSamples(vectors: rows(100, seed: 1), anomalous: anomalous), threshold: threshold, provenance: ["test": "yes"])
    }

    /// A path in a fresh temporary folder, removed with the folder by the caller.
    static func temporaryFolder() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tk-detector-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}
