import Foundation

/// A minimal SVG writer: enough for the report's charts, escaped and self-contained.
struct SVGDocument {
    let width: Double
    let height: Double
    private var body: [String] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, opacity: Double = 1) {
        body.append("<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(width))\" height=\"\(f(height))\" fill=\"\(fill)\" fill-opacity=\"\(f(opacity))\"/>")
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dash: String? = nil) {
        let d = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        body.append("<line x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(f(width))\"\(d)/>")
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2) {
        let p = points.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " ")
        body.append("<polyline points=\"\(p)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(f(width))\"/>")
    }

    /// A closed polygon, e.g. a marker shape.
    mutating func polygon(_ points: [(Double, Double)], fill: String, stroke: String? = nil, opacity: Double = 1) {
        let p = points.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " ")
        let s = stroke.map { " stroke=\"\($0)\" stroke-width=\"1\"" } ?? ""
        body.append("<polygon points=\"\(p)\" fill=\"\(fill)\" fill-opacity=\"\(f(opacity))\"\(s)/>")
    }

    mutating func circle(cx: Double, cy: Double, r: Double, fill: String, stroke: String? = nil) {
        let s = stroke.map { " stroke=\"\($0)\" stroke-width=\"1\"" } ?? ""
        body.append("<circle cx=\"\(f(cx))\" cy=\"\(f(cy))\" r=\"\(f(r))\" fill=\"\(fill)\"\(s)/>")
    }

    /// A rectangle outline, e.g. the zoomed region of a chart.
    mutating func frame(x: Double, y: Double, width: Double, height: Double, stroke: String, dash: String? = nil) {
        let d = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        body.append("<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(width))\" height=\"\(f(height))\" fill=\"none\" stroke=\"\(stroke)\"\(d)/>")
    }

    /// Starts a group whose drawing is clipped to a rectangle; close it with ``endGroup()``.
    mutating func beginClip(id: String, x: Double, y: Double, width: Double, height: Double) {
        body.append("<clipPath id=\"\(Self.escape(id))\"><rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(width))\" height=\"\(f(height))\"/></clipPath>")
        body.append("<g clip-path=\"url(#\(Self.escape(id)))\">")
    }

    mutating func endGroup() { body.append("</g>") }

    /// Starts a group for one chart element, e.g. a strategy's line: `data-` attributes name it for
    /// readers and tests, `title` is the tooltip viewers show. Close it with ``endGroup()``.
    mutating func beginGroup(data: [(key: String, value: String)], title: String? = nil) {
        let attributes = data.map { " data-\($0.key)=\"\(Self.escape($0.value))\"" }.joined()
        body.append("<g\(attributes)>" + (title.map { "<title>\(Self.escape($0))</title>" } ?? ""))
    }

    mutating func text(_ s: String, x: Double, y: Double, size: Double = 12, anchor: String = "start", fill: String = "#222",
                       rotate: Double? = nil, bold: Bool = false) {
        let r = rotate.map { " transform=\"rotate(\(f($0)) \(f(x)) \(f(y)))\"" } ?? ""
        let w = bold ? " font-weight=\"bold\"" : ""
        body.append("<text x=\"\(f(x))\" y=\"\(f(y))\" font-size=\"\(f(size))\" text-anchor=\"\(anchor)\" fill=\"\(fill)\"\(w)\(r)>\(Self.escape(s))</text>")
    }

    /// Adds an element written by an extension; it must be well-formed and escaped.
    mutating func appendRaw(_ element: String) { body.append(element) }

    func coordinate(_ x: Double) -> String { f(x) }

    func rendered() -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" viewBox="0 0 \(f(width)) \(f(height))" font-family="Helvetica, Arial, sans-serif">
        <rect width="100%" height="100%" fill="white"/>
        \(body.joined(separator: "\n"))
        </svg>

        """
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// Coordinates to two decimals keep files small and stable.
    private func f(_ x: Double) -> String { x.isFinite ? String(format: "%.2f", x) : "0" }
}
