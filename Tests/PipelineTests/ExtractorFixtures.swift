import Features

/// Extractors the pipeline tests build without weights.
enum ExtractorFixtures {
    static func pixels(_ size: Int) throws -> any FeatureExtractor {
        try ExtractorRegistry.standard.make(kind: "pixels", settings: ["size": .number(Double(size))])
    }
}
