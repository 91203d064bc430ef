import Features
import Imaging

/// Ground-truth masks of MVTec test images, carried onto the anomaly maps.
enum GroundTruthMasks {
    /// The mask of `image` on its map: empty for a good image, its ground-truth file otherwise,
    /// resized by nearest neighbour to the image first if its size differs (with a warning).
    /// - Returns: nil with a reason when a defect image has no mask file.
    /// - Throws: an image error for an unreadable mask, a features error for an image the extractor cannot take.
    static func onMap(_ image: MVTecDataset.TestImage, imageWidth: Int, imageHeight: Int, mapWidth: Int, mapHeight: Int,
                      extractor: any SpatialFeatureExtractor, warnings: inout [String]) throws(PipelineError) -> [UInt8]? {
        guard image.isAnomalous else { return [UInt8](repeating: 0, count: mapWidth * mapHeight) }
        guard let maskPath = image.maskPath else { return nil }
        var mask: Image
        do throws(ImagingError) { mask = try ImageFile.read(path: maskPath).image } catch { throw .imaging(error) }
        if mask.width != imageWidth || mask.height != imageHeight {
            warnings.append("\(maskPath) is \(mask.width)×\(mask.height), its image \(imageWidth)×\(imageHeight): resized by nearest neighbour")
            mask = nearest(mask, width: imageWidth, height: imageHeight)
        }
        let grey = mask.converted(toChannels: 1)
        let values = PlanarImage(grey).values.map { UInt8($0 > 0 ? 1 : 0) }
        let onMap = try MapGeometry.maskOnMap(values, width: imageWidth, height: imageHeight, extractor: extractor)
        guard onMap.count == mapWidth * mapHeight else {
            throw .invalidInput(name: maskPath, value: "\(onMap.count) pixels on the map", expected: "\(mapWidth)×\(mapHeight)")
        }
        return onMap
    }

    /// `image` resized to `width` × `height` by nearest neighbour (each output pixel takes the input pixel under its centre).
    static func nearest(_ image: Image, width: Int, height: Int) -> Image {
        let grey = PlanarImage(image.converted(toChannels: 1))
        var out = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height {
            let sy = min(image.height - 1, (2 * y + 1) * image.height / (2 * height))
            for x in 0..<width {
                let sx = min(image.width - 1, (2 * x + 1) * image.width / (2 * width))
                out[y * width + x] = grey.values[sy * image.width + sx] > 0 ? 255 : 0
            }
        }
        return Image(width: width, height: height, channels: 1, pixels: out)
    }
}
