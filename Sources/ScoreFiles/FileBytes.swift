#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files, pipes and FIFOs by reading until end of file, never by their reported size.
enum FileBytes {
    /// Reads every byte at `path`, telling a missing file apart from an unreadable one.
    ///
    /// A named pipe blocks until a writer opens it, then is read until the writer closes it.
    /// - Throws: ``ScoreFileError/missingFile(source:)`` when nothing exists at the path;
    ///   ``ScoreFileError/unreadable(source:reason:)`` for a directory, missing permission
    ///   or a read error.
    /// - Complexity: O(n) in the number of bytes.
    static func contents(ofPath path: String) throws(ScoreFileError) -> [UInt8] {
        var descriptor: Int32
        repeat {
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
        } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else {
            let code = errno
            switch code {
            case ENOENT, ENOTDIR: throw .missingFile(source: path)
            case EACCES, EPERM: throw .unreadable(source: path, reason: "cannot be read (check its permissions)")
            case EISDIR: throw .unreadable(source: path, reason: "is a directory, not a file")
            default: throw .unreadable(source: path, reason: "cannot be opened (\(message(for: code)))")
            }
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw .unreadable(source: path, reason: "cannot be read (\(message(for: errno)))")
        }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR { throw .unreadable(source: path, reason: "is a directory, not a file") }
        // The size is only a capacity hint: pipes, FIFOs and /proc files report 0.
        let sizeHint = type == S_IFREG ? Int(info.st_size) : 0
        return try readToEnd(descriptor: descriptor, sizeHint: sizeHint, source: path)
    }

    /// Reads from an open descriptor until end of file.
    ///
    /// - Throws: ``ScoreFileError/unreadable(source:reason:)`` on a read error.
    /// - Complexity: O(n) in the number of bytes.
    static func readToEnd(descriptor: Int32, sizeHint: Int = 0, source: String) throws(ScoreFileError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(sizeHint + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes.append(contentsOf: chunk[0..<count])
            } else if count == 0 {
                return bytes
            } else if errno != EINTR {
                throw .unreadable(source: source, reason: "cannot be read (\(message(for: errno)))")
            }
        }
    }

    /// The C library's text for an errno value, e.g. "Permission denied".
    private static func message(for code: Int32) -> String {
        String(cString: strerror(code))
    }
}
