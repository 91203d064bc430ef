/// Greedy placement of short chart labels so that no two overlap.
///
/// There are no font metrics in an SVG writer, so a label's width is estimated at 0.6 em
/// per character, a little wider than Helvetica's average, which errs towards gaps.
enum LabelLayout {
    /// An axis-aligned box in SVG coordinates (y grows downwards).
    struct Box: Sendable, Hashable {
        var x: Double, y: Double, width: Double, height: Double
        func overlaps(_ o: Box) -> Bool {
            x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height
        }
    }

    static func width(_ text: String, size: Double) -> Double { Double(text.count) * size * 0.6 }

    /// Centres for labels in one row that stay as close as possible to `centres` without overlapping.
    ///
    /// Labels keep their left-to-right order. Overlapping neighbours are merged into blocks laid
    /// edge to edge (`gap` apart) around the mean of their wished-for places, which minimises the
    /// total squared shift; then the row is pushed inside `lower...upper` when it fits there.
    /// - Returns: the centre of each label, in the input order.
    /// - Complexity: O(n log n).
    static func spread(centres: [Double], widths: [Double], gap: Double, lower: Double, upper: Double) -> [Double] {
        precondition(centres.count == widths.count, "one width per label")
        let order = centres.indices.sorted { centres[$0] < centres[$1] }
        // offset[k]: the distance from the first label of k's block to label k, laid edge to edge.
        struct Block { var first: Int; var last: Int; var sum: Double; var count: Int; var anchor: Double { sum / Double(count) } }
        var offset = [Double](repeating: 0, count: order.count)
        var blocks: [Block] = []
        for k in order.indices {
            blocks.append(Block(first: k, last: k, sum: centres[order[k]], count: 1))
            offset[k] = 0
            while blocks.count >= 2 {
                let b = blocks[blocks.count - 1], a = blocks[blocks.count - 2]
                let aRight = a.anchor + offset[a.last] + widths[order[a.last]] / 2
                let bLeft = b.anchor + offset[b.first] - widths[order[b.first]] / 2
                guard aRight + gap > bLeft else { break }
                var merged = a
                var next = offset[a.last]
                for j in b.first...b.last {
                    next += (widths[order[j - 1]] + widths[order[j]]) / 2 + gap
                    offset[j] = next
                    merged.sum += centres[order[j]] - next
                    merged.count += 1
                }
                merged.last = b.last
                blocks.removeLast(2)
                blocks.append(merged)
            }
        }
        var placed = [Double](repeating: 0, count: order.count)
        for b in blocks { for j in b.first...b.last { placed[j] = b.anchor + offset[j] } }
        // Into the bounds: forward for the left edge, backward for the right, keeping the gaps.
        for j in placed.indices {
            var least = lower + widths[order[j]] / 2
            if j > 0 { least = max(least, placed[j - 1] + (widths[order[j - 1]] + widths[order[j]]) / 2 + gap) }
            placed[j] = max(placed[j], least)
        }
        for j in placed.indices.reversed() {
            var most = upper - widths[order[j]] / 2
            if j + 1 < placed.count { most = min(most, placed[j + 1] - (widths[order[j]] + widths[order[j + 1]]) / 2 - gap) }
            placed[j] = min(placed[j], most)
        }
        var result = [Double](repeating: 0, count: centres.count)
        for (k, i) in order.enumerated() { result[i] = placed[k] }
        return result
    }

    /// Places one label box beside each anchor point: the first of several offsets (right, left,
    /// above, below, then the same further out) where the box overlaps no placed label, no
    /// `obstacles` box and stays inside `bounds`; when none is free, the least-overlapping one.
    /// - Returns: the top-left corner of each label box.
    /// - Complexity: O(n² · offsets).
    static func beside(anchors: [(x: Double, y: Double)], sizes: [(width: Double, height: Double)],
                       obstacles: [Box], bounds: Box, distance: Double = 7) -> [(x: Double, y: Double)] {
        var placed: [Box] = []
        var corners: [(x: Double, y: Double)] = []
        for (a, s) in zip(anchors, sizes) {
            var candidates: [Box] = []
            for step in 1...4 {
                let d = distance * Double(step)
                candidates += [
                    Box(x: a.x + d, y: a.y - s.height / 2, width: s.width, height: s.height),
                    Box(x: a.x - d - s.width, y: a.y - s.height / 2, width: s.width, height: s.height),
                    Box(x: a.x - s.width / 2, y: a.y - d - s.height, width: s.width, height: s.height),
                    Box(x: a.x - s.width / 2, y: a.y + d, width: s.width, height: s.height),
                    Box(x: a.x + d, y: a.y - d - s.height, width: s.width, height: s.height),
                    Box(x: a.x + d, y: a.y + d, width: s.width, height: s.height),
                ]
            }
            func inside(_ b: Box) -> Bool {
                b.x >= bounds.x && b.y >= bounds.y && b.x + b.width <= bounds.x + bounds.width && b.y + b.height <= bounds.y + bounds.height
            }
            func clashes(_ b: Box) -> Int { (placed + obstacles).filter { $0.overlaps(b) }.count + (inside(b) ? 0 : 100) }
            let best = candidates.first { clashes($0) == 0 } ?? candidates.min { clashes($0) < clashes($1) }!
            placed.append(best)
            corners.append((best.x, best.y))
        }
        return corners
    }
}
