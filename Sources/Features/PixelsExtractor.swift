import ArrayFormats
import Imaging
import LinearAlgebra

/// The simplest baseline features: the image in grey, shrunk to `size` × `size`, flattened row by row.
///
/// Colour is converted with Pillow's `convert("L")` luma (alpha dropped), the
/// resize uses the antialiased bilinear filter, and values stay in [0, 1]
/// because that filter's weights are non-negative and sum to one.
public struct PixelsExtractor: FeatureExtractor {
    public static let kind = "pixels"

    /// The output side length; 32 by default, giving 1024 features.
    public let size: Int

    public init(size: Int = 32) {
        precondition(size > 0, "size must be positive")
        self.size = size
    }

    /// Settings `{"size": S}` (32 when absent).
    public init(settings: JSONValue, weightsPath: String?) throws(FeaturesError) {
        let size = settings["size"] == nil ? 32 : settings["size"]?.intValue ?? -1  // present but not a whole number: refused below
        guard (1...4096).contains(size) else {
            throw .invalidSetting(name: "\(Self.kind) size", value: "\(settings["size"].map { $0.serialized() } ?? "")", expected: "a whole number in 1...4096")
        }
        self.init(size: size)
    }

    public var settings: JSONValue { ["size": .number(Double(size))] }

    public var identifier: String { "pixels/grey-\(size)x\(size)-antialias-bilinear/v1" }

    public var dimension: Int { size * size }

    /// - Complexity: O(input pixels + size²) per image; images are split across the cores.
    public func features(of images: [Image], progress: FeatureProgress) throws(FeaturesError) -> FeatureBatch {
        try validate(images)
        let d = dimension
        var rows = [Float](repeating: 0, count: images.count * d)
        let group = 8 * Parallel.coreCount
        var start = 0
        while start < images.count {
            let end = min(start + group, images.count)
            rows.withUnsafeMutableBufferPointer { out in
                Parallel.forEach(iterations: end - start) { i in
                    let values = PlanarImage(images[start + i].converted(toChannels: 1))
                        .resized(width: size, height: size, filter: .antialiasedBilinear).values
                    for j in 0..<d { out[(start + i) * d + j] = values[j] }
                }
            }
            progress(end, images.count)
            start = end
        }
        return FeatureBatch(vectors: Matrix(rows: images.count, columns: d, elements: rows))
    }
}
