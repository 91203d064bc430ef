import ArrayFormats
import Features
import Imaging
import LinearAlgebra

/// A weight-free spatial extractor for the pixel tests: the grey image resized to 32×32, each 4×4
/// block a patch of (mean, largest) values: an 8×8 grid of 2-d patches.
struct BlockPatchExtractor: SpatialFeatureExtractor {
    static let kind = "test-blocks"
    var identifier: String { "test-blocks/v1" }
    var dimension: Int { 2 }

    init() {}
    init(settings: JSONValue, weightsPath: String?) throws(FeaturesError) {}

    func geometry(width: Int, height: Int) throws(FeaturesError) -> InputGeometry {
        guard width >= 1, height >= 1 else { throw .invalidImage(index: 0, reason: "has no pixels") }
        return InputGeometry(originalWidth: width, originalHeight: height, resizedWidth: 32, resizedHeight: 32)
    }

    func features(of images: [Image], progress: FeatureProgress) throws(FeaturesError) -> FeatureBatch {
        var rows: [Float] = [], grids: [FeatureBatch.Grid] = []
        for (i, image) in images.enumerated() {
            let v = PlanarImage(image.converted(toChannels: 1)).resized(width: 32, height: 32, filter: .antialiasedBilinear).values
            for by in 0..<8 {
                for bx in 0..<8 {
                    var sum: Float = 0, top: Float = 0
                    for y in 0..<4 { for x in 0..<4 { let p = v[(by * 4 + y) * 32 + bx * 4 + x]; sum += p; top = max(top, p) } }
                    rows += [sum / 16, top]
                }
            }
            grids.append(.init(height: 8, width: 8, inputHeight: 32, inputWidth: 32, sourceHeight: image.height, sourceWidth: image.width))
            progress(i + 1, images.count)
        }
        return FeatureBatch(rows: Matrix(rows: rows.count / 2, columns: 2, elements: rows), grids: grids)
    }
}
