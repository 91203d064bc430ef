import ArrayFormats

/// Whole-file reads and atomic writes shared by every image codec.
enum ImageFileIO {
    /// Reads the file at `path` (a named pipe until its writer closes) with the package's one file reader.
    /// - Throws: ``ImagingError/unreadable(file:reason:)`` if it is missing ("no such file"), a directory or unreadable.
    static func read(path: String) throws(ImagingError) -> [UInt8] {
        do throws(FileReadError) { return try FileContents.bytes(atPath: path) } catch {
            throw .unreadable(file: error.path, reason: error.reason)
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
