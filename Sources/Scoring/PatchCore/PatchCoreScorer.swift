import LinearAlgebra
import Randomness

/// PatchCore (Roth et al., CVPR 2022): a memory bank of good patches; a patch's anomaly is its
/// distance to the nearest bank patch, an image's the largest over its patches.
///
/// ```swift
/// var scorer = PatchCoreScorer(settings: PatchCoreSettings(seed: 7))
/// try scorer.fit(normal: goodPatches)                       // a FeatureBatch of patch grids
/// let (scores, maps) = try scorer.scoresAndMaps(testPatches)
/// ```
/// Fitting draws a seeded pool of at most ``PatchCoreSettings/poolSize`` patches from all
/// fit patches, projects it to ``PatchCoreSettings/projectionDimension`` dimensions with a
/// seeded Gaussian matrix, and keeps the bank greedy k-center chooses there
/// (``KCenterGreedy``). Scoring is exact Euclidean nearest-neighbour search through the GEMM
/// (``NearestNeighbors``). Pooled vectors (1 × 1 grids) work too: each image is then one patch.
///
/// Cost, for N fit patches of dimension D, pool P = min(N, poolSize), bank M, projection k and
/// Q query patches: fitting O(N + P·D·k + M·P·k) time and O(N·D) input plus O(P·D) memory;
/// scoring O(Q·M·D) time and O(M·blockRows) memory beyond the input. Plain greedy over all N
/// patches would cost O(M·N·k) with M growing with N: quadratic, hence the pool.
public struct PatchCoreScorer: Sendable {
    /// The settings fitting used, or will use.
    public internal(set) var settings: PatchCoreSettings
    /// The fitted state, nil until `fit` succeeds.
    public internal(set) var model: PatchCoreModel?
    /// The search structure over `model.bank`, rebuilt deterministically from it.
    var search: NearestNeighbors?

    /// An unfitted scorer.
    public init(settings: PatchCoreSettings = PatchCoreSettings()) {
        self.settings = settings
    }

    /// Learns the memory bank from the patches of good samples.
    /// - Parameters:
    ///   - normal: patch grids (or vectors) of good samples; every row is one patch.
    ///   - progress: called on the calling thread as the pool, projection and selection proceed.
    /// - Throws: ``ScoringError/invalidConfiguration(_:)`` for bad settings, `.tooFewSamples` for an empty batch,
    ///   `.tooFewFeatures` for zero-width rows, `.nonFinite` naming the first NaN or infinity (row of the stacked batch).
    /// - Complexity: see the type's cost summary; about 2.3·10¹⁰ multiply-adds of greedy selection at the defaults.
    public mutating func fit(normal: FeatureBatch, progress: (PatchCoreProgress) -> Void = { _ in }) throws(ScoringError) {
        try settings.validate()
        let rows = normal.rows
        guard rows.rows >= 1 else { throw .tooFewSamples(needed: 1, got: 0) }
        guard rows.columns >= 1 else { throw .tooFewFeatures(needed: 1, got: 0) }
        try requireFinite(rows)
        var generator = SeededGenerator(seed: settings.seed)
        var poolGenerator = generator.split(), projectionGenerator = generator.split(), startGenerator = generator.split()

        let poolRows = randomSubset(of: rows.rows, keeping: settings.poolSize, using: &poolGenerator)
        let pool = poolRows.count == rows.rows ? rows : rows.selectingRows(poolRows)
        progress(PatchCoreProgress(stage: .pool, done: 1, total: 1))

        let k = settings.projectionDimension
        let projected: Matrix<Float>
        if k > 0 && k < rows.columns {
            projected = GaussianRandomProjection(inputDimension: rows.columns, outputDimension: k, using: &projectionGenerator)
                .project(pool)
        } else {
            projected = pool
        }
        progress(PatchCoreProgress(stage: .projection, done: 1, total: 1))

        let target = settings.bankSize(poolCount: pool.rows)
        let start = startGenerator.nextInt(below: pool.rows)
        let selection = KCenterGreedy.select(projected, count: target, start: start) { done, total in
            progress(PatchCoreProgress(stage: .coreset, done: done, total: total))
        }
        let bank = pool.selectingRows(selection.indices)
        model = PatchCoreModel(bank: bank, coveringRadius: selection.coveringRadius, patchCount: rows.rows, poolCount: pool.rows)
        search = NearestNeighbors(bank: bank)
    }

    /// One anomaly score per sample: its largest patch distance, or the re-weighted one
    /// (``PatchCoreSettings/reweightingNeighbours`` > 1).
    /// - Throws: `.notFitted`, `.dimensionMismatch`, `.nonFinite`.
    /// - Complexity: O(Q × M × D) for Q query patches and a bank of M × D.
    public func score(_ batch: FeatureBatch, progress: (PatchCoreProgress) -> Void = { _ in }) throws(ScoringError) -> [Double] {
        let (search, _) = try prepared(batch)
        let nearest = neighbours(batch, search, progress: progress)
        return imageScores(batch, nearest, search)
    }

    /// One anomaly map per sample over its network input (``FeatureBatch/Grid/inputHeight`` ×
    /// ``FeatureBatch/Grid/inputWidth``; the grid's own size when those are nil). A sample without
    /// patches gets a blank map. All maps are held at once, so score a large set in chunks.
    /// - Throws: as ``score(_:progress:)``.
    /// - Complexity: as ``score(_:progress:)``, plus O(map pixels × blur kernel) per sample.
    public func maps(_ batch: FeatureBatch, progress: (PatchCoreProgress) -> Void = { _ in }) throws(ScoringError) -> [AnomalyMap] {
        try scoresAndMaps(batch, progress: progress).maps
    }

    /// Scores and maps from one nearest-neighbour search.
    /// - Throws: as ``score(_:progress:)``.
    /// - Complexity: as ``maps(_:progress:)``.
    public func scoresAndMaps(_ batch: FeatureBatch, progress: (PatchCoreProgress) -> Void = { _ in })
        throws(ScoringError) -> (scores: [Double], maps: [AnomalyMap]) {
        let (search, _) = try prepared(batch)
        let nearest = neighbours(batch, search, progress: progress)
        let scores = imageScores(batch, nearest, search)
        return (scores, drawMaps(batch, nearest.distances, progress: progress))
    }

    /// Every row's distance to its nearest bank patch, in batch order.
    /// - Throws: as ``score(_:progress:)``.
    /// - Complexity: O(Q × M × D).
    public func patchDistances(_ batch: FeatureBatch, progress: (PatchCoreProgress) -> Void = { _ in }) throws(ScoringError) -> [Float] {
        let (search, _) = try prepared(batch)
        return neighbours(batch, search, progress: progress).distances
    }

    private func prepared(_ batch: FeatureBatch) throws(ScoringError) -> (NearestNeighbors, PatchCoreModel) {
        guard let model, let search else { throw .notFitted }
        guard batch.dimension == model.bank.columns else {
            throw .dimensionMismatch(expected: model.bank.columns, got: batch.dimension)
        }
        try requireFinite(batch.rows)
        return (search, model)
    }

    private func neighbours(_ batch: FeatureBatch, _ search: NearestNeighbors,
                            progress: (PatchCoreProgress) -> Void) -> NearestNeighbors.Result {
        search.nearest(batch.rows, withIndices: settings.reweightingNeighbours > 1) { done, total in
            progress(PatchCoreProgress(stage: .scoring, done: done, total: total))
        }
    }

    private func imageScores(_ batch: FeatureBatch, _ nearest: NearestNeighbors.Result, _ search: NearestNeighbors) -> [Double] {
        let d = batch.dimension
        return (0..<batch.count).map { i in
            let range = batch.rowRange(of: i)
            guard !range.isEmpty else { return 0 }
            var top = range.lowerBound
            for r in range where nearest.distances[r] > nearest.distances[top] { top = r }
            guard let indices = nearest.indices else { return Double(nearest.distances[top]) }
            return batch.rows.elements.withUnsafeBufferPointer { x in
                NeighbourhoodReweighting.score(patch: UnsafeBufferPointer(rebasing: x[(top * d)..<((top + 1) * d)]),
                                               distance: nearest.distances[top], nearest: Int(indices[top]),
                                               bank: search.bank, neighbours: settings.reweightingNeighbours)
            }
        }
    }

    private func drawMaps(_ batch: FeatureBatch, _ distances: [Float], progress: (PatchCoreProgress) -> Void) -> [AnomalyMap] {
        let renderer = AnomalyMapRenderer(sigma: settings.blurSigma)
        var maps = [AnomalyMap?](repeating: nil, count: batch.count)
        let group = 8 * Parallel.coreCount
        var start = 0
        distances.withUnsafeBufferPointer { all in
            maps.withUnsafeMutableBufferPointer { slots in
                while start < batch.count {
                    let end = min(start + group, batch.count)
                    Parallel.forEach(iterations: end - start) { offset in
                        let i = start + offset
                        let grid = batch.grids[i]
                        let (height, width) = (max(0, grid.inputHeight ?? grid.height), max(0, grid.inputWidth ?? grid.width))
                        // A sample without patches (or without pixels) has nothing to draw: a blank map.
                        guard grid.count > 0, height > 0, width > 0 else {
                            slots[i] = AnomalyMap(width: width, height: height, values: [Float](repeating: 0, count: width * height))
                            return
                        }
                        slots[i] = renderer.render(UnsafeBufferPointer(rebasing: all[batch.rowRange(of: i)]),
                                                   gridHeight: grid.height, gridWidth: grid.width, height: height, width: width)
                    }
                    start = end
                    progress(PatchCoreProgress(stage: .maps, done: end, total: batch.count))
                }
            }
        }
        return maps.map { $0! }
    }
}
