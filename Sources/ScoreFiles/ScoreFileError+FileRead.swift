import ArrayFormats

extension ScoreFileError {
    /// The score-file error for a file that could not be read: missing, or unreadable with its reason.
    public init(_ error: FileReadError) {
        switch error {
        case let .missingFile(path): self = .missingFile(source: path)
        case let .unreadable(path, reason): self = .unreadable(source: path, reason: reason)
        }
    }
}
