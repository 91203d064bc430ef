/// Every byte of the file at `path`, with read errors as ``ArrayFormatError/file(_:)``.
/// - Complexity: O(n) in the number of bytes.
func readFileBytes(path: String) throws(ArrayFormatError) -> [UInt8] {
    do { return try FileContents.bytes(atPath: path) } catch { throw .file(error) }
}
