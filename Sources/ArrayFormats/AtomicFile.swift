import Foundation

/// Writes files so that readers never observe a partially written file.
public enum AtomicFile {
    /// Writes `bytes` to a temporary file beside `path`, then renames it over `path`.
    ///
    /// The rename is atomic on POSIX file systems because both names are in one directory.
    /// On failure the temporary file is removed and `path` is left untouched.
    public static func write(_ bytes: [UInt8], to path: String) throws(ArrayFormatError) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        if let reason = writeAll(bytes, to: temporary.path) {
            try? FileManager.default.removeItem(at: temporary)
            throw .unwritable(source: path, reason: reason)
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw .unwritable(source: path, reason: reason)
        }
    }

    /// Writes the bytes with POSIX calls, avoiding a copy into `Data`; returns why it failed, if it did.
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
