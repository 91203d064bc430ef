import ArrayFormats
import LinearAlgebra

extension PatchCoreScorer: AnomalyMapScorer, ArchivableScorer {
    public static let kind = "patchcore"

    public mutating func fit(normal samples: FeatureBatch, progress: ScorerProgress?) throws(ScoringError) {
        try fit(normal: samples) { p in progress?("patchcore \(p.stage)", p.done, p.total) }
    }

    public func score(_ samples: FeatureBatch) throws(ScoringError) -> [Double] { try score(samples, progress: { _ in }) }

    public func scoredMaps(_ samples: FeatureBatch) throws(ScoringError) -> [(score: Double, map: AnomalyMap)] {
        let result = try scoresAndMaps(samples, progress: { _ in })
        return Array(zip(result.scores, result.maps))
    }

    /// The settings, the covering radius and the counts, and the bank (`bank`, float32), bit for bit.
    /// - Throws: ``ScoringError/notFitted``.
    public func archived() throws(ScoringError) -> ArchiveRecord {
        guard let model else { throw .notFitted }
        var record = ArchiveRecord(settings: [
            "pool_size": .number(Double(settings.poolSize)), "coreset_fraction": .number(settings.coresetFraction),
            "bank_cap": .number(Double(settings.bankCap)), "projection_dimension": .number(Double(settings.projectionDimension)),
            "reweighting_neighbours": .number(Double(settings.reweightingNeighbours)), "blur_sigma": .number(settings.blurSigma),
            "seed": .string(String(settings.seed)), "covering_radius": .number(model.coveringRadius),
            "patch_count": .number(Double(model.patchCount)), "pool_count": .number(Double(model.poolCount)),
        ])
        record.append("bank", NPYArray(rows: model.bank.rows, columns: model.bank.columns, values: model.bank.elements))
        return record
    }

    /// Rebuilds the fitted scorer; scores and maps equal the original's bit for bit.
    public init(restoring record: ArchiveRecord) throws(ScoringError) {
        let (settings, model) = try record.reading { r throws(ArchiveFieldError) in
            let settings = PatchCoreSettings(
                poolSize: try r.int("pool_size", in: 1...Int(Int32.max)), coresetFraction: try r.double("coreset_fraction"),
                bankCap: try r.int("bank_cap", in: 1...Int(Int32.max)),
                projectionDimension: try r.int("projection_dimension", in: 0...1_000_000),
                reweightingNeighbours: try r.int("reweighting_neighbours", in: 1...100_000), blurSigma: try r.double("blur_sigma"),
                seed: try r.seed("seed"))
            // The bank's size is checked against the stored cap before anything is built from it.
            let bank = try r.floats("bank", shape: [nil, nil])
            guard bank.shape[0] <= settings.bankCap else {
                throw ArchiveFieldError(field: "bank", reason: "has \(bank.shape[0]) rows, more than bank_cap \(settings.bankCap)")
            }
            let model = PatchCoreModel(bank: Matrix(rows: bank.shape[0], columns: bank.shape[1], elements: bank.values),
                                       coveringRadius: try r.double("covering_radius"),
                                       patchCount: try r.int("patch_count", in: 0...Int.max), poolCount: try r.int("pool_count", in: 0...Int.max))
            return (settings, model)
        }
        try self.init(restoring: model, settings: settings)
    }
}
