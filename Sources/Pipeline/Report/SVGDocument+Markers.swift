import Foundation

extension SVGDocument {
    /// A marker of the given shape centred on (x, y), about 2·`radius` across, with a white rim so
    /// that overlapping markers stay distinguishable.
    mutating func marker(_ shape: MarkerShape, x: Double, y: Double, radius r: Double = 5, color: String) {
        func regular(_ corners: Int, radius: Double, turn: Double = 0) -> [(Double, Double)] {
            (0..<corners).map { k in
                let a = turn + 2 * Double.pi * Double(k) / Double(corners) - Double.pi / 2
                return (x + radius * cos(a), y + radius * sin(a))
            }
        }
        /// A plus sign as a 12-cornered outline, turned by `turn` radians.
        func plus(turn: Double) -> [(Double, Double)] {
            let a = r * 1.2, b = r * 0.38
            let outline: [(Double, Double)] = [(-b, -a), (b, -a), (b, -b), (a, -b), (a, b), (b, b), (b, a), (-b, a), (-b, b), (-a, b), (-a, -b), (-b, -b)]
            return outline.map { (x + $0.0 * cos(turn) - $0.1 * sin(turn), y + $0.0 * sin(turn) + $0.1 * cos(turn)) }
        }
        switch shape {
        case .circle: circle(cx: x, cy: y, r: r, fill: color, stroke: "#fff")
        case .square: polygon(regular(4, radius: r * 1.25, turn: Double.pi / 4), fill: color, stroke: "#fff")
        case .diamond: polygon(regular(4, radius: r * 1.3), fill: color, stroke: "#fff")
        case .triangleUp: polygon(regular(3, radius: r * 1.3), fill: color, stroke: "#fff")
        case .triangleDown: polygon(regular(3, radius: r * 1.3, turn: Double.pi), fill: color, stroke: "#fff")
        case .triangleLeft: polygon(regular(3, radius: r * 1.3, turn: -Double.pi / 2), fill: color, stroke: "#fff")
        case .triangleRight: polygon(regular(3, radius: r * 1.3, turn: Double.pi / 2), fill: color, stroke: "#fff")
        case .pentagon: polygon(regular(5, radius: r * 1.15), fill: color, stroke: "#fff")
        case .hexagon: polygon(regular(6, radius: r * 1.1), fill: color, stroke: "#fff")
        case .star:
            let outer = regular(5, radius: r * 1.45), inner = regular(5, radius: r * 0.6, turn: Double.pi / 5)
            polygon(zip(outer, inner).flatMap { [$0, $1] }, fill: color, stroke: "#fff")
        case .plus: polygon(plus(turn: 0), fill: color, stroke: "#fff")
        case .cross: polygon(plus(turn: Double.pi / 4), fill: color, stroke: "#fff")
        }
    }

    /// One line of text in several colours, e.g. the labels of strategies whose points coincide.
    mutating func text(parts: [(text: String, fill: String)], x: Double, y: Double, size: Double = 12, bold: Bool = false) {
        let spans = parts.map { "<tspan fill=\"\($0.fill)\">\(Self.escape($0.text))</tspan>" }.joined()
        let w = bold ? " font-weight=\"bold\"" : ""
        appendRaw("<text x=\"\(coordinate(x))\" y=\"\(coordinate(y))\" font-size=\"\(coordinate(size))\" xml:space=\"preserve\"\(w)>\(spans)</text>")
    }
}
