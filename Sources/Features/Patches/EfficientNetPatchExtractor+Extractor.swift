import ArrayFormats

extension EfficientNetPatchExtractor: FeatureExtractor {
    public static let kind = "efficientnet-lite0-patches"

    /// `{"size", "aspect", "crop", "layers"}`: what rebuilds this extractor from a detector file.
    public var settings: JSONValue {
        ["size": .number(Double(preprocessing.size)), "aspect": .string(preprocessing.aspect.rawValue),
         "crop": preprocessing.crop.map { .number(Double($0)) } ?? .null,
         "layers": .array(layers.map { .string($0.rawValue) })]
    }

    public var weightsDigest: String? { network.weightsDigest }

    /// Rebuilds the extractor from ``settings``; every field must be present and valid.
    /// - Throws: ``FeaturesError/invalidSetting(name:value:expected:)`` naming the field,
    ///   ``FeaturesError/unknownLayer(name:)``, or a weights error.
    public init(settings: JSONValue, weightsPath: String?) throws(FeaturesError) {
        let record = ArchiveRecord(settings: settings)
        let size: Int, aspect: AspectMode, crop: Int?, names: [String]
        do throws(ArchiveFieldError) {
            size = try record.int("size", in: PatchPreprocessing.allowedSizes)
            aspect = AspectMode(rawValue: try record.choice("aspect", from: AspectMode.allCases.map(\.rawValue)))!
            crop = try record.value("crop").isNull ? nil : try record.int("crop", in: PatchPreprocessing.allowedSizes)
            names = try record.strings("layers")
        } catch {
            throw .invalidSetting(name: "\(Self.kind) \(error.field)", value: "", expected: error.reason)
        }
        try self.init(weightsPath: weightsPath, preprocessing: try PatchPreprocessing(size: size, aspect: aspect, crop: crop),
                      layers: try Self.layers(named: names))
    }
}

extension EfficientNetPatchExtractor: SpatialFeatureExtractor {
    public func geometry(width: Int, height: Int) throws(FeaturesError) -> InputGeometry {
        try preprocessing.geometry(width: width, height: height)
    }
}
