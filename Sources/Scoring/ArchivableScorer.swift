import ArrayFormats

/// A scorer that can be written into a detector file and restored from it bit for bit.
///
/// The file names the scorer by `kind`; a ``ScorerRegistry`` that knows the kind restores
/// it. A user's own scorer registers the same way as the built-in ones:
/// ```swift
/// let registry = ScorerRegistry.standard.adding(Mahalanobis.self)
/// ```
public protocol ArchivableScorer: AnomalyScorer {
    /// The name a detector file stores, e.g. `kde`; unique within a registry.
    static var kind: String { get }
    /// The fitted state: settings and arrays.
    /// - Throws: ``ScoringError/notFitted`` when there is nothing to store yet.
    func archived() throws(ScoringError) -> ArchiveRecord
    /// A fitted scorer rebuilt from ``archived()``; its scores equal the original's bit for bit.
    /// - Throws: ``ScoringError/archive(_:)`` naming a missing or malformed field, or the
    ///   scorer's own error when the parts do not fit together.
    init(restoring record: ArchiveRecord) throws(ScoringError)
}

extension ArchivableScorer {
    public var name: String { Self.kind }
}

extension ArchiveRecord {
    /// Runs `body`, turning a field error into the scorer's error.
    func reading<T>(_ body: (ArchiveRecord) throws(ArchiveFieldError) -> T) throws(ScoringError) -> T {
        do throws(ArchiveFieldError) { return try body(self) } catch { throw .archive(error) }
    }
}
