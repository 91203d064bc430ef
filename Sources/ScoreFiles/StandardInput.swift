import ArrayFormats

/// Where the path `-` reads its bytes from: the process's standard input, or bytes a caller supplies.
///
/// ``ScoreFile/read(path:format:options:standardInput:)`` reads standard input only
/// when the path is `-`, so tests and host applications can inject other bytes here.
public struct StandardInput: Sendable {
    private let readAll: @Sendable () throws(ScoreFileError) -> [UInt8]

    /// A source that calls `readAll` once per read, for example to replay fixed bytes.
    public init(_ readAll: @escaping @Sendable () throws(ScoreFileError) -> [UInt8]) {
        self.readAll = readAll
    }

    /// The process's standard input (descriptor 0), read until end of file.
    public static let process = StandardInput { () throws(ScoreFileError) in
        do throws(FileReadError) { return try FileContents.readToEnd(descriptor: 0, source: ScoreFile.standardInputName) } catch {
            throw .file(error)
        }
    }

    /// Every byte of the input.
    ///
    /// - Throws: ``ScoreFileError/unreadable(source:reason:)`` when reading fails.
    public func bytes() throws(ScoreFileError) -> [UInt8] { try readAll() }
}
