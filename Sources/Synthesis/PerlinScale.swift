/// The number of Perlin lattice cells along each axis of a noise field.
///
/// anomalib's `generate_perlin_noise(height, width, scale=(scalex, scaley))`
/// applies `scalex` to the first (row, height) axis: that is `rows` here.
public struct PerlinScale: Sendable, Hashable {
    /// Cells down the image (anomalib's `scalex`).
    public var rows: Int
    /// Cells across the image (anomalib's `scaley`).
    public var columns: Int

    /// - Precondition: both are powers of two.
    public init(rows: Int, columns: Int) {
        precondition(rows > 0 && rows & (rows - 1) == 0 && columns > 0 && columns & (columns - 1) == 0,
                     "Perlin scales must be powers of two")
        self.rows = rows
        self.columns = columns
    }
}
