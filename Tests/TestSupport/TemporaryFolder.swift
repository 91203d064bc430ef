import Foundation

/// A fresh, empty folder under the system's temporary directory, removed with everything in it
/// when the value goes, so a test that fails half-way leaves nothing behind.
///
/// An optimised build may release a value after its last use, not at the end of its scope: a
/// test that keeps only `path` writes `defer { withExtendedLifetime(folder) {} }`.
public final class TemporaryFolder: Sendable {
    /// Its absolute path.
    public let path: String

    /// - Parameter prefix: the start of the folder's name, to tell test leftovers apart.
    /// - Throws: when the folder cannot be created.
    public init(prefix: String = "tk-test") throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The names directly inside it.
    public var names: Set<String> { Set((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []) }
}
