import Foundation

/// Just enough SVG reading for chart tests: the report's charts mark each strategy's drawing with
/// a `<g data-…>` group (never nested in another such group), so tests find them without an XML parser.
struct SVGInspection {
    struct Group {
        var data: [String: String]
        /// The group's elements, as written.
        var body: String

        /// The value of `attribute` on the first element that has one, e.g. `stroke` or `fill`.
        func first(_ attribute: String) -> String? { SVGInspection.attributes(attribute, in: body).first }

        /// Every text run inside the group, entities left as written.
        var texts: [String] {
            body.components(separatedBy: "<").compactMap { piece in
                guard piece.hasPrefix("text") || piece.hasPrefix("tspan"), let close = piece.firstIndex(of: ">") else { return nil }
                let text = String(piece[piece.index(after: close)...])
                return text.isEmpty ? nil : text
            }
        }
    }

    let svg: String

    /// Every data-marked group, in document order.
    var groups: [Group] {
        svg.components(separatedBy: "<g data-").dropFirst().map { piece in
            let end = piece.range(of: "</g>")?.lowerBound ?? piece.endIndex
            let open = piece.firstIndex(of: ">") ?? piece.startIndex
            var data: [String: String] = [:]
            for pair in ("data-" + piece[..<open]).components(separatedBy: "\" ") {
                let kv = pair.trimmingCharacters(in: CharacterSet(charactersIn: "\"")).components(separatedBy: "=\"")
                if kv.count == 2, kv[0].hasPrefix("data-") { data[String(kv[0].dropFirst(5))] = kv[1] }
            }
            return Group(data: data, body: String(piece[piece.index(after: open)..<end]))
        }
    }

    func groups(_ key: String, _ value: String) -> [Group] { groups.filter { $0.data[key] == value } }

    /// The values of `attribute="…"` in `text`, in order.
    static func attributes(_ attribute: String, in text: String) -> [String] {
        text.components(separatedBy: " \(attribute)=\"").dropFirst().compactMap { $0.components(separatedBy: "\"").first }
    }
}
