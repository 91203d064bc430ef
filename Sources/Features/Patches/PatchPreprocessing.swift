import Imaging

/// The network input of the patch extractor: ``ImageNetPreprocessing``'s steps with a choice of geometry.
///
/// 1. Convert to RGB in [0, 1] (grey replicated, alpha dropped).
/// 2. Resize with the antialiased bilinear filter (REFERENCE §7): to `size` × `size` (``AspectMode/square``),
///    or the shorter side to `size` (``AspectMode/shorterSide``).
/// 3. Optionally crop the centre to `crop` × `crop`, as anomalib's `Resize` + `CenterCrop` does
///    (offsets round((W − crop)/2), halves to even, as torchvision's `center_crop`).
/// 4. Normalise with the ImageNet mean and std.
///
/// `PatchPreprocessing()` (256, square, no crop) gives exactly ``ImageNetPreprocessing``'s input.
public struct PatchPreprocessing: Sendable, Hashable, CustomStringConvertible {
    /// The side of the square input, or the shorter side in ``AspectMode/shorterSide``.
    public let size: Int
    public let aspect: AspectMode
    /// The side of the centred square crop taken after resizing, or nil for none.
    public let crop: Int?

    /// The sizes the extractor is built for; any side in ``allowedSizes`` works.
    public static let offeredSizes = [256, 320, 384, 512]
    /// Sides the network input may have: below 32 the deepest maps shrink to one pixel, above 1024
    /// one image's activations pass a gigabyte.
    public static let allowedSizes = 32...1024
    /// The longest side may be at most this many times the shorter one in ``AspectMode/shorterSide``,
    /// which bounds the network's memory and time per image.
    public static let maximumAspectRatio = 4.0

    /// - Throws: ``FeaturesError/invalidSetting(name:value:expected:)`` for a size outside ``allowedSizes``
    ///   or a crop outside 32…size.
    public init(size: Int = 256, aspect: AspectMode = .square, crop: Int? = nil) throws(FeaturesError) {
        guard Self.allowedSizes.contains(size) else {
            throw .invalidSetting(name: "size", value: "\(size)",
                                  expected: "an integer from \(Self.allowedSizes.lowerBound) to \(Self.allowedSizes.upperBound)")
        }
        if let crop, !(Self.allowedSizes.lowerBound...size).contains(crop) {
            throw .invalidSetting(name: "crop", value: "\(crop)",
                                  expected: "an integer from \(Self.allowedSizes.lowerBound) to the size \(size)")
        }
        self.size = size
        self.aspect = aspect
        self.crop = crop
    }

    /// `size-256/aspect-square/crop-none`: the settings, as feature identifiers name them.
    public var description: String { "size-\(size)/aspect-\(aspect)/crop-\(crop.map(String.init) ?? "none")" }

    /// Where the network input of a `width` × `height` image comes from.
    /// - Parameter index: names the image in the error.
    /// - Throws: ``FeaturesError/invalidImage(index:reason:)`` for an image without pixels, or one
    ///   more elongated than ``maximumAspectRatio`` in ``AspectMode/shorterSide``.
    /// - Complexity: O(1).
    public func geometry(width: Int, height: Int, index: Int = 0) throws(FeaturesError) -> InputGeometry {
        guard width >= 1, height >= 1 else { throw .invalidImage(index: index, reason: "has no pixels (\(width)×\(height))") }
        var (rw, rh) = (size, size)
        if aspect == .shorterSide {
            let (short, long) = (min(width, height), max(width, height))
            guard Double(long) <= Self.maximumAspectRatio * Double(short) else {
                throw .invalidImage(index: index, reason: "\(width)×\(height) is more elongated than "
                                    + "\(Int(Self.maximumAspectRatio)):1, the limit when keeping the aspect ratio")
            }
            // torchvision: int(size * long / short), truncated.
            let resizedLong = Int(Double(size) * Double(long) / Double(short))
            (rw, rh) = width <= height ? (size, resizedLong) : (resizedLong, size)
        }
        guard let crop else { return InputGeometry(originalWidth: width, originalHeight: height, resizedWidth: rw, resizedHeight: rh) }
        return InputGeometry(originalWidth: width, originalHeight: height, resizedWidth: rw, resizedHeight: rh,
                             cropX: Self.centredOffset(rw, crop), cropY: Self.centredOffset(rh, crop),
                             inputWidth: crop, inputHeight: crop)
    }

    /// The normalised network input of `image` and its geometry.
    /// - Throws: as ``geometry(width:height:index:)``.
    /// - Complexity: O(image pixels + resized pixels).
    public func callAsFunction(_ image: Image, index: Int = 0) throws(FeaturesError) -> (input: PlanarImage, geometry: InputGeometry) {
        let g = try geometry(width: image.width, height: image.height, index: index)
        var planes = PlanarImage(image.converted(toChannels: 3))
            .resized(width: g.resizedWidth, height: g.resizedHeight, filter: .antialiasedBilinear)
        if g.inputWidth != g.resizedWidth || g.inputHeight != g.resizedHeight {
            planes = planes.cropped(x: g.cropX, y: g.cropY, width: g.inputWidth, height: g.inputHeight)
        }
        return (planes.normalized(.imageNet), g)
    }

    /// torchvision's centre offset: int(round((full − part) / 2.0)), halves to even.
    private static func centredOffset(_ full: Int, _ part: Int) -> Int {
        Int((Double(full - part) / 2).rounded(.toNearestOrEven))
    }
}
