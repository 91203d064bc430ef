import Foundation

/// Writes `bytes` to a unique temporary file ending in `.ext`, runs `body` with its path, then removes it.
@discardableResult
func withScoreFile<R>(_ bytes: [UInt8], ext: String, _ body: (String) throws -> R) throws -> R {
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("ScoreFilesTests-\(UUID().uuidString).\(ext)").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}

/// Writes UTF-8 `text` to a unique temporary file ending in `.ext`, runs `body` with its path, then removes it.
@discardableResult
func withScoreFile<R>(_ text: String, ext: String, _ body: (String) throws -> R) throws -> R {
    try withScoreFile(Array(text.utf8), ext: ext, body)
}
