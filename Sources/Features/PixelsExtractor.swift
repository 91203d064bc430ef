import Imaging
import LinearAlgebra

/// The simplest baseline features: the image in grey, shrunk to `size` × `size`, flattened row by row.
///
/// Colour is converted with Pillow's `convert("L")` luma (alpha dropped), the
/// resize uses the antialiased bilinear filter, and values stay in [0, 1]
/// because that filter's weights are non-negative and sum to one.
public struct PixelsExtractor: FeatureExtractor {
    /// The output side length; 32 by default, giving 1024 features.
    public let size: Int

    public init(size: Int = 32) {
        precondition(size > 0, "size must be positive")
        self.size = size
    }

    public var identifier: String { "pixels/grey-\(size)x\(size)-antialias-bilinear/v1" }

    public var dimension: Int { size * size }

    /// - Complexity: O(input pixels + size²) per image; images are split across the cores.
    public func features(of images: [Image], progress: FeatureProgress) throws(FeaturesError) -> [[Float]] {
        try validate(images)
        var result = [[Float]](repeating: [], count: images.count)
        let group = 8 * Parallel.coreCount
        var start = 0
        while start < images.count {
            let end = min(start + group, images.count)
            result.withUnsafeMutableBufferPointer { slots in
                Parallel.forEach(iterations: end - start) { i in
                    slots[start + i] = PlanarImage(images[start + i].converted(toChannels: 1))
                        .resized(width: size, height: size, filter: .antialiasedBilinear).values
                }
            }
            progress(end, images.count)
            start = end
        }
        return result
    }
}
