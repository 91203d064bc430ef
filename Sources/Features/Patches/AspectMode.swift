/// How ``PatchPreprocessing`` fits an image to the network's input size.
public enum AspectMode: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Stretch to `size` × `size`, as the pooled reference features do (REFERENCE §7).
    case square
    /// Keep the aspect ratio: the shorter side becomes `size` and the longer one
    /// ⌊size · long / short⌋, as torchvision's `Resize(size)` with one integer does.
    /// The patch grid is then not square.
    case shorterSide = "shorter-side"

    public var description: String { rawValue }
}
