import ArrayFormats
import Foundation
import LinearAlgebra
import Testing
import TestSupport

/// The read-only reference data in ../shared, when it is present beside the package.
///
/// Tests that need it are disabled with a visible reason when it is absent, so a
/// fresh clone without ../shared still passes and says what it skipped.
enum ReferenceFeatures {
    static let root: URL = SharedReference.root

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: path("features/efficientnet-lite0/mtile/kde_loglik_norm.npy"))
    }

    static let skipReason: Comment = "../shared is absent: real-data checks skipped"

    /// A 2-D float32 feature file as a matrix.
    static func features(_ set: String, _ file: String) throws -> Matrix<Float> {
        let array = try NPY.read(path: path("features/efficientnet-lite0/\(set)/\(file).npy"))
        return Matrix(rows: array.shape[0], columns: array.shape[1], elements: array.floats())
    }

    /// A 1-D reference file as doubles.
    static func values(_ set: String, _ file: String) throws -> [Double] {
        try NPY.read(path: path("features/efficientnet-lite0/\(set)/\(file).npy")).doubles()
    }
}
