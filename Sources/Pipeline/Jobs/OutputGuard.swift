import ArrayFormats
import Foundation

/// Checks before a command writes a file, so nothing the user did not ask to replace is lost.
enum OutputGuard {
    /// Whether two paths name the same file (same device and inode), resolving links.
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }

    /// Refuses `output` when it is one of `inputs` (never replaced, even with --force), or when it
    /// exists and `mayReplace` says no and `force` is off.
    /// - Throws: ``PipelineError/invalidInput(name:value:expected:)`` naming the file.
    static func check(_ output: String, option: String, inputs: [String], force: Bool,
                      mayReplace: (String) -> Bool) throws(PipelineError) {
        if let input = inputs.first(where: { sameFile($0, output) }) {
            throw .invalidInput(name: option, value: output,
                                expected: "a new file: it is the input \(input) of this command, which is never replaced")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) else { return }
        if isDirectory.boolValue {
            throw .invalidInput(name: option, value: output, expected: "a file path, not a folder")
        }
        guard force || mayReplace(output) else {
            throw .invalidInput(name: option, value: output,
                                expected: "a path that does not exist yet: it holds a file that is not a detector; pass --force to replace it")
        }
    }

    /// Whether the file at `path` starts like a detector archive (its magic and format), so refitting may replace it.
    static func isDetectorFile(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        return head.starts(with: Array("TKARCHV1".utf8)) && String(decoding: head, as: UTF8.self).contains("thresholdkit-detector")
    }
}
