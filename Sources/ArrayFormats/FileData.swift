import Foundation

/// Reads a whole file, telling a missing file apart from an unreadable one.
///
/// Large files are memory-mapped where the platform allows, so decoders can
/// copy straight from the page cache into their arrays.
func readFileData(path: String) throws(ArrayFormatError) -> Data {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw .missingFile(source: path)
    }
    guard !isDirectory.boolValue else { throw .unreadable(source: path, reason: "is a directory, not a file") }
    do {
        return try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
    } catch {
        throw .unreadable(source: path, reason: "cannot be read: \(error.localizedDescription)")
    }
}
