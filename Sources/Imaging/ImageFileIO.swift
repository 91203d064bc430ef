import ArrayFormats
import Foundation

/// Whole-file reads and atomic writes shared by every image codec.
enum ImageFileIO {
    /// Reads the file at `path`.
    /// - Throws: ``ImagingError/unreadable(file:reason:)`` if it is missing, a directory or unreadable.
    static func read(path: String) throws(ImagingError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(file: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw .unreadable(file: path, reason: "is a directory, not a file") }
        do {
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe))
        } catch {
            throw .unreadable(file: path, reason: error.localizedDescription)
        }
    }

    /// Writes `bytes` to a temporary file beside `path`, then renames it over `path`,
    /// so readers never see a half-written image. On failure `path` is untouched.
    /// - Throws: ``ImagingError/cannotEncode(file:reason:)`` naming the system error.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(ImagingError) {
        // One atomic writer for the whole package: ArrayFormats' (temp file + rename).
        do throws(ArrayFormatError) { try AtomicFile.write(bytes, to: path) } catch {
            if case .unwritable(_, let reason) = error { throw .cannotEncode(file: path, reason: "cannot write: \(reason)") }
            throw .cannotEncode(file: path, reason: error.description)
        }
    }
}
