extension CommandSpec {
    /// The `--help` text: usage line, summary, aligned options with defaults, discussion.
    public func helpText(program: String) -> String {
        let positional = positionalName.map { positionalLimit == nil ? " [\($0) ...]" : " \($0)" } ?? ""
        var lines = ["USAGE: \(program) \(name)" + positional + " [options]", "", summary, ""]
        lines.append("OPTIONS:")
        let labels = options.map { o in "--\(o.name)" + (o.valueName.map { " \($0)" } ?? "") }
        let width = (labels.map(\.count).max() ?? 0) + 2
        for (label, o) in zip(labels, options) {
            let pad = String(repeating: " ", count: width - label.count)
            let def = o.defaultDescription.map { " (default: \($0))" } ?? ""
            let repeats = o.isRepeatable ? " May be given several times." : ""
            lines.append("  \(label)\(pad)\(o.help)\(def)\(repeats)")
        }
        if !discussion.isEmpty { lines += ["", discussion] }
        return lines.joined(separator: "\n") + "\n"
    }
}
