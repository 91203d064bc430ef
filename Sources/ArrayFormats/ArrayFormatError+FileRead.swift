extension ArrayFormatError {
    /// The array-format error for a file that could not be read: missing, or unreadable with its reason.
    public init(_ error: FileReadError) {
        switch error {
        case let .missingFile(path): self = .missingFile(source: path)
        case let .unreadable(path, reason): self = .unreadable(source: path, reason: reason)
        }
    }
}

/// Every byte of the file at `path`, with read errors as ``ArrayFormatError``s.
/// - Complexity: O(n) in the number of bytes.
func readFileBytes(path: String) throws(ArrayFormatError) -> [UInt8] {
    do { return try FileContents.bytes(atPath: path) } catch { throw ArrayFormatError(error) }
}
