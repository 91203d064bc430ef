import Foundation

/// Runs `body` with a unique path in the temporary directory and removes the file afterwards.
@discardableResult
func withTemporaryPath<R>(suffix: String, _ body: (String) throws -> R) rethrows -> R {
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("ArrayFormatsTests-\(UUID().uuidString)\(suffix)").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}

/// Writes `bytes` to a unique temporary file, runs `body` with its path and removes it.
@discardableResult
func withTemporaryFile<R>(_ bytes: [UInt8], suffix: String, _ body: (String) throws -> R) throws -> R {
    try withTemporaryPath(suffix: suffix) { path in
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return try body(path)
    }
}
