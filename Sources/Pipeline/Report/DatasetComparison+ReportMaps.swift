import Scoring

extension DatasetComparison.Outcome {
    /// Each test image's anomaly map by its path, for ``ReportWriter/write(_:detector:samples:maps:to:force:)``;
    /// empty for a scorer that draws no maps.
    public var testMapsByPath: [String: AnomalyMap] {
        guard testMaps.count == result.test.count else { return [:] }
        return Dictionary(zip(result.test.map(\.path), testMaps), uniquingKeysWith: { a, _ in a })
    }
}
