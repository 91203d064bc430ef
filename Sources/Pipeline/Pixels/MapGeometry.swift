import Features
import Imaging
import Scoring
import Synthesis

/// Carries masks onto anomaly maps and maps back onto images, through a spatial extractor's geometry.
enum MapGeometry {
    /// A mask of a `width` × `height` image, resized by nearest neighbour and cropped as the image was:
    /// 1 inside, 0 outside, at the map's size.
    /// - Throws: ``PipelineError/features(_:)`` when the extractor cannot take an image of that size.
    static func maskOnMap(_ mask: [UInt8], width: Int, height: Int, extractor: any SpatialFeatureExtractor) throws(PipelineError) -> [UInt8] {
        let geometry: InputGeometry
        do throws(FeaturesError) { geometry = try extractor.geometry(width: width, height: height) } catch { throw .features(error) }
        let planes = PlanarImage(width: width, height: height, channels: 1, values: mask.map { $0 > 0 ? 1 : 0 })
        return geometry.toInput(nearest: planes).values.map { $0 > 0.5 ? 1 : 0 }
    }

    /// A synthetic anomaly's mask on its map.
    static func maskOnMap(_ mask: AnomalyMask, extractor: any SpatialFeatureExtractor) throws(PipelineError) -> [UInt8] {
        try maskOnMap(mask.values, width: mask.width, height: mask.height, extractor: extractor)
    }

    /// An anomaly map drawn over the network input, carried back onto the `width` × `height` image (0 outside a crop).
    static func mapOnImage(_ map: AnomalyMap, width: Int, height: Int, extractor: any SpatialFeatureExtractor) throws(PipelineError) -> AnomalyMap {
        let geometry: InputGeometry
        do throws(FeaturesError) { geometry = try extractor.geometry(width: width, height: height) } catch { throw .features(error) }
        let back = geometry.toOriginal(PlanarImage(width: map.width, height: map.height, channels: 1, values: map.values))
        return AnomalyMap(width: back.width, height: back.height, values: back.values)
    }
}
