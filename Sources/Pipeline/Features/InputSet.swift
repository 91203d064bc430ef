import ArrayFormats
import Foundation
import LinearAlgebra

/// What a command's INPUT arguments name: rows of `.npy` feature matrices, or image files.
///
/// A folder stands for every image file below it, sub-folders included, in sorted path
/// order (an MVTec `test/` folder with one sub-folder per defect works as is). Mixing
/// `.npy` files with images is refused, because the two need different treatment.
public enum InputSet: Sendable {
    /// Feature vectors stacked in one matrix, each row with the file and row it came from.
    case vectors(Matrix<Float>, origins: [(input: String, index: Int)])
    /// Image files.
    case images([String])

    /// Resolves the inputs in the order given (folders expanded in sorted order).
    /// - Throws: ``PipelineError/invalidInput(name:value:expected:)`` for no inputs, a missing
    ///   path, an empty folder, a file that is neither `.npy` nor an image, mixed kinds or
    ///   matrices of different widths; ``PipelineError/file(_:)`` for an unreadable `.npy`.
    public static func resolve(_ inputs: [String]) throws(PipelineError) -> InputSet {
        guard !inputs.isEmpty else {
            throw .invalidInput(name: "input", value: "(none)", expected: "a .npy matrix, image files or a folder of images")
        }
        let fm = FileManager.default
        var matrices: [String] = [], images: [String] = []
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw .invalidInput(name: "input", value: input, expected: "an existing file or folder")
            }
            if isDirectory.boolValue {
                let found = MVTecDataset.images(below: input)
                guard !found.isEmpty else {
                    throw .invalidInput(name: "input", value: input,
                                        expected: "a folder holding image files (\(MVTecDataset.imageExtensions.sorted().joined(separator: ", ")))")
                }
                images += found
            } else if (input as NSString).pathExtension.lowercased() == "npy" {
                matrices.append(input)
            } else if MVTecDataset.imageExtensions.contains((input as NSString).pathExtension.lowercased()) {
                images.append(input)
            } else {
                throw .invalidInput(name: "input", value: input,
                                    expected: "a .npy matrix or an image (\(MVTecDataset.imageExtensions.sorted().joined(separator: ", ")))")
            }
        }
        if !matrices.isEmpty && !images.isEmpty {
            throw .invalidInput(name: "input", value: "\(matrices[0]) and \(images[0])",
                                expected: "either .npy feature matrices or images, not both")
        }
        guard images.isEmpty else { return .images(images) }
        var elements: [Float] = [], origins: [(String, Int)] = [], width = 0
        for path in matrices {
            let matrix = try readMatrix(path)
            if !origins.isEmpty, matrix.columns != width {
                throw .invalidInput(name: "input", value: "\(path) has \(matrix.columns) columns",
                                    expected: "\(width) columns, as \(matrices[0]) has")
            }
            width = matrix.columns
            elements += matrix.elements
            origins += (0..<matrix.rows).map { (path, $0) }
        }
        return .vectors(Matrix(rows: origins.count, columns: width, elements: elements), origins: origins)
    }

    /// An N×D `.npy` matrix (any real or integer dtype) as `Float`.
    /// - Throws: naming the file: unreadable, not two-dimensional, empty, or holding NaN or ±inf (row and column named).
    public static func readMatrix(_ path: String) throws(PipelineError) -> Matrix<Float> {
        let array: NPYArray
        do throws(ArrayFormatError) { array = try NPY.read(path: path) } catch { throw .file(error) }
        guard array.shape.count == 2 else {
            throw .invalidInput(name: path, value: "shape \(array.shape.map(String.init).joined(separator: "×"))",
                                expected: "a two-dimensional N×D matrix of feature vectors")
        }
        let (n, d) = (array.shape[0], array.shape[1])
        guard n >= 1, d >= 1 else {
            throw .invalidInput(name: path, value: "shape \(n)×\(d)", expected: "at least one row and one column")
        }
        let values = array.floats()
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw .invalidInput(name: path, value: "row \(bad / d), column \(bad % d) = \(values[bad])",
                                expected: "finite numbers (no NaN or infinity)")
        }
        return Matrix(rows: n, columns: d, elements: values)
    }
}
