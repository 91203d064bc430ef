import LinearAlgebra

extension PatchCoreScorer {
    /// A fitted scorer rebuilt from a stored bank, e.g. read from a detector file.
    ///
    /// Scores and maps equal the original's bit for bit: the search is rebuilt from the bank
    /// by the same deterministic computation.
    /// - Throws: ``ScoringError/invalidConfiguration(_:)`` for bad settings or a negative or non-finite radius,
    ///   `.tooFewSamples` for an empty bank, `.tooFewFeatures` for zero-width rows, `.nonFinite`,
    ///   ``ScoringError/bankOverCap(rows:cap:)`` for a bank larger than the settings allow.
    public init(restoring model: PatchCoreModel, settings: PatchCoreSettings) throws(ScoringError) {
        try settings.validate()
        guard model.bank.rows >= 1 else { throw .tooFewSamples(needed: 1, got: 0) }
        guard model.bank.columns >= 1 else { throw .tooFewFeatures(needed: 1, got: 0) }
        guard model.bank.rows <= settings.bankCap else { throw .bankOverCap(rows: model.bank.rows, cap: settings.bankCap) }
        guard model.coveringRadius.isFinite, model.coveringRadius >= 0 else {
            throw .invalidConfiguration("stored covering radius must be finite and non-negative, got \(model.coveringRadius)")
        }
        try requireFinite(model.bank)
        self.init(settings: settings)
        self.model = model
        search = NearestNeighbors(bank: model.bank)
    }
}
