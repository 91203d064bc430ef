import Features
import LinearAlgebra
import Scoring
import Thresholding

extension Detector {
    /// One image's verdict with where the anomaly is.
    public struct MapPrediction: Sendable {
        public var path: String
        public var prediction: Prediction
        /// The anomaly map carried back onto the image (its own width × height; 0 outside a crop).
        public var map: AnomalyMap
        /// 1 where the map reaches the pixel threshold, 0 elsewhere, at the image's size.
        public var mask: [UInt8]
    }

    /// Whether this detector draws anomaly maps (a map scorer on image features, with a pixel threshold).
    public var drawsMaps: Bool {
        scorer is any AnomalyMapScorer && pixelThreshold != nil && (extractor == nil || extractor is any SpatialFeatureExtractor)
    }

    /// Predictions with anomaly maps and pixel masks for image files, in input order.
    /// - Throws: ``PipelineError/invalidSetting(name:value:expected:)`` when the detector draws no maps
    ///   or has no extractor; file and scorer errors as ``predict(images:fdr:cache:unreadable:progress:)``.
    /// - Complexity: as `predict(images:)`, plus O(image pixels) per image to carry each map back.
    public func predictWithMaps(images paths: [String], fdr: Double? = nil, cache: FeatureCache? = nil,
                                unreadable: UnreadablePolicy = .fail,
                                progress: @escaping PipelineProgress = { _, _, _ in }) throws(PipelineError) -> (predictions: [MapPrediction], skipped: [(path: String, reason: String)], warnings: [String]) {
        guard let mapScorer = scorer as? any AnomalyMapScorer, let pixelThreshold else {
            throw .invalidSetting(name: "maps", value: scorerName, expected: "a detector whose scorer draws anomaly maps (--scorer patchcore)")
        }
        guard let spatial = extractor as? any SpatialFeatureExtractor else {
            throw .invalidSetting(name: "maps", value: "images", expected: "a detector with its patch extractor attached (pass the weights)")
        }
        let table = try FeatureTable.extract(paths, extractor: spatial, cache: cache, unreadable: unreadable,
                                             progress: { progress("features", $0, $1) })
        guard table.batch.count > 0 else {
            throw .invalidInput(name: "input", value: "\(paths.count) image files", expected: "at least one readable image")
        }
        let scored = try DetectorTraining.scoresAndMaps(mapScorer, table.batch, step: "scoring")
        let predictions = try self.predictions(for: scored.map(\.score), fdr: fdr)
        var result: [MapPrediction] = []
        for (i, (path, s)) in zip(table.paths, scored).enumerated() {
            let grid = table.batch.grids[i]
            let map = try MapGeometry.mapOnImage(s.map, width: grid.sourceWidth ?? s.map.width, height: grid.sourceHeight ?? s.map.height,
                                                 extractor: spatial)
            let mask = map.values.map { Double($0) >= pixelThreshold.value ? UInt8(1) : 0 }
            result.append(MapPrediction(path: path, prediction: predictions[i], map: map, mask: mask))
            progress("maps", i + 1, table.paths.count)
        }
        return (result, table.skipped, table.warnings)
    }
}
