/// Which neighbours join two anomalous pixels into one region.
public enum Connectivity: Sendable, Hashable {
    /// Edge neighbours only: a diagonal pair is two regions.
    case four
    /// Edge and corner neighbours: a diagonal pair is one region (MVTec AD's AUPRO uses this).
    case eight
}

/// The connected regions of a mask's anomalous pixels.
///
/// Regions are numbered 1, 2, … in raster order of their first pixel (the
/// top-most, then left-most); 0 is the background.
public struct ConnectedComponents: Sendable, Hashable {
    public let width: Int
    public let height: Int
    /// One label per pixel, row by row: 0 for normal pixels, else the region number.
    public let labels: [Int32]
    /// `sizes[r - 1]` is the number of pixels in region r.
    public let sizes: [Int]

    /// The number of regions.
    public var count: Int { sizes.count }

    /// Labels the anomalous pixels of `mask` by flood fill.
    ///
    /// - Complexity: O(width × height) time; O(width × height) memory for the labels
    ///   and at most one stack entry per anomalous pixel.
    public init(mask: DefectMask, connectivity: Connectivity = .eight) {
        let w = mask.width, h = mask.height
        var labels = [Int32](repeating: 0, count: w * h)
        var sizes: [Int] = []
        let neighbours: [(Int, Int)] = connectivity == .eight
            ? [(-1, -1), (0, -1), (1, -1), (-1, 0), (1, 0), (-1, 1), (0, 1), (1, 1)]
            : [(0, -1), (-1, 0), (1, 0), (0, 1)]
        mask.pixels.withUnsafeBufferPointer { pixels in
            labels.withUnsafeMutableBufferPointer { labels in
                var stack: [Int] = []
                for start in 0..<(w * h) where pixels[start] > 0 && labels[start] == 0 {
                    let label = Int32(sizes.count + 1)
                    labels[start] = label
                    stack.append(start)
                    var size = 0
                    while let p = stack.popLast() {
                        size += 1
                        let x = p % w, y = p / w
                        for (dx, dy) in neighbours {
                            let nx = x + dx, ny = y + dy
                            guard nx >= 0, nx < w, ny >= 0, ny < h else { continue }
                            let q = ny * w + nx
                            if pixels[q] > 0 && labels[q] == 0 {
                                labels[q] = label
                                stack.append(q)
                            }
                        }
                    }
                    sizes.append(size)
                }
            }
        }
        self.width = w
        self.height = h
        self.labels = labels
        self.sizes = sizes
    }
}
