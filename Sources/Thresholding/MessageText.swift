import Foundation

/// A number as error messages and warnings print it: at most 12 significant digits.
///
/// Binary arithmetic leaves noise in the last digits of values that are round on
/// paper (1 − 0.98 is 0.020000000000000018). Rounding to 12 significant digits
/// removes it and then the shortest text that reads back as the rounded value is
/// printed, so 0.05 stays "0.05", 2 stays "2.0" and 0.020000000000000018 becomes "0.02".
/// NaN and infinities print as Swift prints them.
func messageNumber(_ x: Double) -> String {
    guard x.isFinite, let rounded = Double(String(format: "%.12g", x)) else { return "\(x)" }
    return "\(rounded)"
}

/// A count with its noun in the singular or the plural: "1 score", "2 scores".
func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
}
