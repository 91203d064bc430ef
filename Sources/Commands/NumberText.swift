import ArrayFormats
import Foundation

/// Number formatting shared by the text and JSON outputs.
enum NumberText {
    /// Shortest text that reads back as the same Double (integers without ".0").
    static func exact(_ x: Double) -> String { JSONValue.numberText(x) }

    /// A rate for tables, to four decimals; "—" when undefined.
    static func rate(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "—" }
        return String(format: "%.4f", x)
    }

    /// A JSON number, or null when absent or undefined (NaN never reaches JSON).
    static func json(_ x: Double?) -> JSONValue { JSONValue(number: x) }
}
