extension CommandSpec {
    /// The `--help` text: usage line, summary, aligned options with defaults, discussion.
    public func helpText(program: String) -> String {
        var lines = ["USAGE: \(program) \(name)" + (positionalName.map { " [\($0) ...]" } ?? "") + " [options]", "", summary, ""]
        lines.append("OPTIONS:")
        let labels = options.map { o in "--\(o.name)" + (o.valueName.map { " \($0)" } ?? "") }
        let width = (labels.map(\.count).max() ?? 0) + 2
        for (label, o) in zip(labels, options) {
            let pad = String(repeating: " ", count: width - label.count)
            let def = o.defaultDescription.map { " (default: \($0))" } ?? ""
            lines.append("  \(label)\(pad)\(o.help)\(def)")
        }
        if !discussion.isEmpty { lines += ["", discussion] }
        return lines.joined(separator: "\n") + "\n"
    }
}
