import ArrayFormats
import Foundation

/// What a command's INPUT arguments name: rows of `.npy` feature matrices, or image files.
///
/// A folder stands for the image files directly inside it, sorted by name. Mixing
/// `.npy` files with images is refused, because the two need different treatment.
public enum InputSet: Sendable {
    /// Feature vectors, each with the file and row it came from.
    case vectors(rows: [[Float]], origins: [(input: String, index: Int)])
    /// Image files.
    case images([String])

    /// Resolves the inputs in the order given (folders expanded in sorted order).
    /// - Throws: ``PipelineError/invalidSetting(name:value:expected:)`` for no inputs, a missing
    ///   path, an empty folder, a file that is neither `.npy` nor an image, or mixed kinds;
    ///   ``PipelineError/stage(_:)`` for an unreadable or malformed `.npy` (file named).
    public static func resolve(_ inputs: [String]) throws(PipelineError) -> InputSet {
        guard !inputs.isEmpty else {
            throw .invalidSetting(name: "input", value: "(none)", expected: "a .npy matrix, image files or a folder of images")
        }
        let fm = FileManager.default
        var matrices: [String] = [], images: [String] = []
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw .invalidSetting(name: "input", value: input, expected: "an existing file or folder")
            }
            if isDirectory.boolValue {
                let found = MVTecDataset.images(in: input)
                guard !found.isEmpty else {
                    throw .invalidSetting(name: "input", value: input,
                                          expected: "a folder holding image files (\(MVTecDataset.imageExtensions.sorted().joined(separator: ", ")))")
                }
                images += found
            } else if (input as NSString).pathExtension.lowercased() == "npy" {
                matrices.append(input)
            } else if MVTecDataset.imageExtensions.contains((input as NSString).pathExtension.lowercased()) {
                images.append(input)
            } else {
                throw .invalidSetting(name: "input", value: input,
                                      expected: "a .npy matrix or an image (\(MVTecDataset.imageExtensions.sorted().joined(separator: ", ")))")
            }
        }
        if !matrices.isEmpty && !images.isEmpty {
            throw .invalidSetting(name: "input", value: "\(matrices[0]) and \(images[0])",
                                  expected: "either .npy feature matrices or images, not both")
        }
        if images.isEmpty {
            var rows: [[Float]] = [], origins: [(String, Int)] = []
            for path in matrices {
                let matrix = try readMatrix(path)
                if let width = rows.first?.count, let other = matrix.first?.count, other != width {
                    throw .invalidSetting(name: "input", value: "\(path) has \(other) columns",
                                          expected: "\(width) columns, as \(matrices[0]) has")
                }
                rows += matrix
                origins += matrix.indices.map { (path, $0) }
            }
            return .vectors(rows: rows, origins: origins)
        }
        return .images(images)
    }

    /// The rows of an N×D `.npy` matrix (any real or integer dtype) as `Float`.
    /// - Throws: naming the file: unreadable, not two-dimensional, empty, or holding NaN or ±inf (row and column named).
    public static func readMatrix(_ path: String) throws(PipelineError) -> [[Float]] {
        let array: NPYArray
        do throws(ArrayFormatError) { array = try NPY.read(path: path) } catch { throw .stage(error.description) }
        guard array.shape.count == 2 else {
            throw .invalidSetting(name: path, value: "shape \(array.shape.map(String.init).joined(separator: "×"))",
                                  expected: "a two-dimensional N×D matrix of feature vectors")
        }
        let (n, d) = (array.shape[0], array.shape[1])
        guard n >= 1, d >= 1 else {
            throw .invalidSetting(name: path, value: "shape \(n)×\(d)", expected: "at least one row and one column")
        }
        let values = array.floats()
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw .invalidSetting(name: path, value: "row \(bad / d), column \(bad % d) = \(values[bad])",
                                  expected: "finite numbers (no NaN or infinity)")
        }
        return (0..<n).map { Array(values[($0 * d)..<(($0 + 1) * d)]) }
    }
}
