/// The sub-images PNG stores: one for a plain image, seven Adam7 passes for an interlaced one.
struct PNGPass: Sendable, Hashable {
    let xStart: Int
    let yStart: Int
    let xStep: Int
    let yStep: Int
    /// Pixels per row of this pass.
    let width: Int
    /// Rows in this pass.
    let height: Int

    /// Whether the pass holds any pixels (tiny images leave some Adam7 passes empty, with no bytes at all).
    var isEmpty: Bool { width == 0 || height == 0 }

    /// The passes of an image, in file order.
    static func passes(width: Int, height: Int, interlaced: Bool) -> [PNGPass] {
        guard interlaced else {
            return [PNGPass(xStart: 0, yStart: 0, xStep: 1, yStep: 1, width: width, height: height)]
        }
        let adam7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
        return adam7.map { xStart, yStart, xStep, yStep in
            PNGPass(
                xStart: xStart, yStart: yStart, xStep: xStep, yStep: yStep,
                width: width > xStart ? (width - xStart + xStep - 1) / xStep : 0,
                height: height > yStart ? (height - yStart + yStep - 1) / yStep : 0)
        }
    }

    /// Bytes of filtered data the pass occupies: each row is a filter-type byte plus its pixels.
    func filteredSize(header: PNGHeader) -> Int {
        isEmpty ? 0 : height * (1 + header.rowBytes(pixels: width))
    }
}
