/// Where one image's network input came from: the resize, then the crop, in pixels.
///
/// ```swift
/// let g = try preprocessing.geometry(width: 900, height: 700)
/// let mapOnImage = g.toOriginal(mapAtInputSize)     // undo crop + resize; 0 outside the crop
/// let maskAtInput = g.toInput(nearest: mask)        // a label mask at the map's size
/// ```
public struct InputGeometry: Sendable, Hashable {
    /// The image as decoded.
    public let originalWidth: Int
    public let originalHeight: Int
    /// The image after resizing, before cropping.
    public let resizedWidth: Int
    public let resizedHeight: Int
    /// The top-left corner of the crop inside the resized image (0 without a crop).
    public let cropX: Int
    public let cropY: Int
    /// The network input: the crop (or the whole resized image).
    public let inputWidth: Int
    public let inputHeight: Int

    /// Assembles a geometry; ``PatchPreprocessing/geometry(width:height:index:)`` is the usual way to get one.
    /// - Precondition: positive sizes and a crop inside the resized image (a programmer error otherwise).
    public init(originalWidth: Int, originalHeight: Int, resizedWidth: Int, resizedHeight: Int,
                cropX: Int = 0, cropY: Int = 0, inputWidth: Int? = nil, inputHeight: Int? = nil) {
        let (iw, ih) = (inputWidth ?? resizedWidth, inputHeight ?? resizedHeight)
        precondition(originalWidth > 0 && originalHeight > 0 && resizedWidth > 0 && resizedHeight > 0 && iw > 0 && ih > 0,
                     "geometry sizes must be positive")
        precondition(cropX >= 0 && cropY >= 0 && cropX + iw <= resizedWidth && cropY + ih <= resizedHeight,
                     "the crop must lie inside the resized image")
        self.originalWidth = originalWidth
        self.originalHeight = originalHeight
        self.resizedWidth = resizedWidth
        self.resizedHeight = resizedHeight
        self.cropX = cropX
        self.cropY = cropY
        self.inputWidth = iw
        self.inputHeight = ih
    }
}
