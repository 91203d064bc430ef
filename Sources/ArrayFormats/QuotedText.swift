/// Appends `scalars` to `out` in double quotes, escaping a quote, a backslash, newline, return and tab
/// as both JSON and Swift write them, and every other scalar for which `control` returns an escape.
///
/// JSON text and error messages quote the same way and differ only in how they spell a control character.
/// - Complexity: O(n) in the number of scalars.
func appendQuoted(_ scalars: String.UnicodeScalarView, to out: inout String, escapingControl control: (Unicode.Scalar) -> String?) {
    out += "\""
    for scalar in scalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if let escape = control(scalar) {
                out += escape
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    out += "\""
}
