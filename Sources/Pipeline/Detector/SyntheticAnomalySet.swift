import Features
import Randomness
import Synthesis

/// The features of synthetic anomalies made from good image files, with a few kept for display.
struct SyntheticAnomalySet {
    var table: FeatureTable
    /// The first few anomalies with their masks, named by their index.
    var samples: [(name: String, anomaly: SyntheticAnomaly)]

    /// One synthetic anomaly per readable file of `paths`, through `extractor`.
    ///
    /// File i is altered with `SeededGenerator.forItem(i, of: seed)`, the derivation
    /// `synthesize` also uses, so the result does not depend on thread scheduling.
    /// - Complexity: one decode, one generation and one extraction per file.
    static func make(
        from paths: [String], extractor: any FeatureExtractor, generator: PerlinAnomalyGenerator, seed: UInt64,
        keep: Int = 8, progress: (Int, Int) -> Void = { _, _ in }
    ) throws(PipelineError) -> SyntheticAnomalySet {
        let kept = SampleBox()
        let table = try FeatureTable.extract(
            paths, extractor: extractor, cache: nil, unreadable: .skip,
            transform: { index, image in
                var g = SeededGenerator.forItem(index, of: seed)
                let anomaly = generator.generate(from: image, using: &g)
                if index < keep { kept.append(("\(index)", anomaly)) }
                return anomaly.image
            },
            progress: progress)
        return SyntheticAnomalySet(table: table, samples: kept.items)
    }
}
