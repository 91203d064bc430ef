import Features
import Randomness
import Synthesis

/// Feature vectors of synthetic anomalies made from good image files.
enum SyntheticFeatures {
    /// One synthetic anomaly per readable file of `paths`, through `extractor`.
    ///
    /// Image i is altered with a generator seeded from (`seed`, i), so the result does not
    /// depend on thread scheduling. The first `keep` anomalies are returned for display.
    /// - Complexity: one decode, one generation and one extraction per file.
    static func extract(
        _ paths: [String], extractor: any FeatureExtractor, generator: PerlinAnomalyGenerator, seed: UInt64,
        keep: Int = 8, progress: (Int, Int) -> Void = { _, _ in }
    ) throws(PipelineError) -> (table: FeatureTable, samples: [(name: String, anomaly: SyntheticAnomaly)]) {
        let samples = SampleBox()
        let table = try FeatureTable.extract(
            paths, extractor: extractor, cache: nil, unreadable: .skip,
            transform: { index, image in
                var g = SeededGenerator(seed: seed &+ 0x9E37_79B9 &* UInt64(index + 1))
                let anomaly = generator.generate(from: image, using: &g)
                if index < keep { samples.append(("\(index)", anomaly)) }
                return anomaly.image
            },
            progress: progress)
        return (table, samples.items)
    }
}
