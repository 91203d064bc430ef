import Features
import Foundation
import Randomness
import Synthesis

/// The features of synthetic anomalies made from good image files, with a few kept for display
/// and, when asked, every mask (for pixel thresholds).
struct SyntheticAnomalySet {
    var table: FeatureTable
    /// The first few anomalies with their masks, named by their index.
    var samples: [(name: String, anomaly: SyntheticAnomaly)]
    /// One mask per row of `table` (empty unless asked for).
    var masks: [AnomalyMask]

    /// One synthetic anomaly per readable file of `paths`, through `extractor`.
    ///
    /// File i is altered with `SeededGenerator.forItem(i, of: seed)`, the derivation
    /// `synthesize` also uses, so the result does not depend on thread scheduling.
    /// - Complexity: one decode, one generation and one extraction per file.
    static func make(
        from paths: [String], extractor: any FeatureExtractor, generator: PerlinAnomalyGenerator, seed: UInt64,
        keep: Int = 8, keepMasks: Bool = false, progress: (Int, Int) -> Void = { _, _ in }
    ) throws(PipelineError) -> SyntheticAnomalySet {
        let kept = SampleBox()
        let allMasks = MaskBox()
        let table = try FeatureTable.extract(
            paths, extractor: extractor, cache: nil, unreadable: .skip,
            transform: { index, image in
                var g = SeededGenerator.forItem(index, of: seed)
                let anomaly = generator.generate(from: image, using: &g)
                if index < keep { kept.append(("\(index)", anomaly)) }
                if keepMasks { allMasks.set(index, anomaly.mask) }
                return anomaly.image
            },
            progress: progress)
        let indexOf = Dictionary(paths.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let masks = keepMasks ? table.paths.compactMap { indexOf[$0].flatMap(allMasks.get) } : []
        return SyntheticAnomalySet(table: table, samples: kept.items, masks: masks)
    }
}

/// Masks collected from worker threads by input index.
final class MaskBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Int: AnomalyMask] = [:]
    func set(_ index: Int, _ mask: AnomalyMask) { lock.lock(); stored[index] = mask; lock.unlock() }
    func get(_ index: Int) -> AnomalyMask? { lock.lock(); defer { lock.unlock() }; return stored[index] }
}
