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
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
        if let reason = writeAll(bytes, to: temporary) {
            unlink(temporary)
            throw .cannotEncode(file: path, reason: "cannot write: \(reason)")
        }
        if rename(temporary, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .cannotEncode(file: path, reason: "cannot write: \(reason)")
        }
    }

    /// Writes with POSIX calls; returns why it failed, if it did.
    private static func writeAll(_ bytes: [UInt8], to path: String) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        var failure: String?
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count, let base = raw.baseAddress {
                let written = Foundation.write(descriptor, base + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        return failure
    }
}
