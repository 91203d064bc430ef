import ArrayFormats

/// The scorer kinds a detector file can be restored into.
///
/// Pipeline's `ScorerCatalog.standard.registry` holds the built-in kinds; a user's own type
/// joins with ``adding(_:)``, so nothing downstream switches over built-in kinds.
public struct ScorerRegistry: Sendable {
    private var entries: [(kind: String, restore: @Sendable (ArchiveRecord) throws(ScoringError) -> any ArchivableScorer)]

    /// The registry of `types`, in order.
    public init(_ types: [any ArchivableScorer.Type]) {
        entries = []
        for type in types { self = adding(type) }
    }

    /// The registry with `type` added (replacing a type of the same kind).
    public func adding(_ type: any ArchivableScorer.Type) -> ScorerRegistry {
        func entry<S: ArchivableScorer>(_ t: S.Type) -> (String, @Sendable (ArchiveRecord) throws(ScoringError) -> any ArchivableScorer) {
            (S.kind, { record throws(ScoringError) in try S(restoring: record) })
        }
        let (kind, restore) = entry(type)
        var copy = self
        copy.entries.removeAll { $0.kind == kind }
        copy.entries.append((kind, restore))
        return copy
    }

    /// The registered kinds, in order.
    public var kinds: [String] { entries.map(\.kind) }

    /// Restores a scorer of `kind` from its record.
    /// - Throws: ``ScoringError/unknownKind(_:known:)`` for a kind nobody registered, or the scorer's own restore error.
    public func restore(kind: String, from record: ArchiveRecord) throws(ScoringError) -> any ArchivableScorer {
        guard let entry = entries.first(where: { $0.kind == kind }) else { throw .unknownKind(kind, known: kinds) }
        return try entry.restore(record)
    }
}
