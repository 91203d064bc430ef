import Foundation

/// Parses one score field, ignoring spaces around it (even inside CSV quotes).
///
/// Accepts what `Double` accepts (a leading `+`, exponents, `nan`, `inf`) except
/// hexadecimal, which would silently turn a corrupt field such as `0x1p3` into a score,
/// and any field with a NUL byte: `Double` parses the text as a C string, so
/// `2\0garbage` would read as 2.
/// Non-finite values are returned; ``ScoreCollector`` applies the policy.
func parseScore(
    _ bytes: ArraySlice<UInt8>, source: String, at location: ScoreLocation
) throws(ScoreFileError) -> (value: Double, text: String) {
    var bytes = bytes
    while let first = bytes.first, first == 0x20 || first == 0x09 { bytes.removeFirst() }
    while let last = bytes.last, last == 0x20 || last == 0x09 { bytes.removeLast() }
    let text = String(decoding: bytes, as: UTF8.self)
    guard !bytes.isEmpty, !bytes.contains(0), !bytes.contains(UInt8(ascii: "x")), !bytes.contains(UInt8(ascii: "X")),
        let value = Double(text)
    else {
        throw .notANumber(source: source, location: location, text: text)
    }
    return (value, text)
}

/// Parses a textual label: `0`/`1`, `false`/`true`, `good`/`anomalous` or `normal`/`anomaly`,
/// case-insensitively and ignoring surrounding spaces; `nil` for anything else.
func parseLabel(_ text: String) -> Bool? {
    switch text {
    case "1": return true
    case "0": return false
    default: break
    }
    switch text.trimmingCharacters(in: .whitespaces).lowercased() {
    case "1.0", "true", "anomalous", "anomaly": return true
    case "0.0", "false", "good", "normal": return false
    default: return nil
    }
}

/// Whether a rejected field looks like a hexadecimal number (`0x1p3`, `-0X10`), so a message can say why it was refused.
func looksHexadecimal(_ text: String) -> Bool {
    var rest = Substring(text.trimmingCharacters(in: .whitespaces))
    if let sign = rest.first, sign == "+" || sign == "-" { rest = rest.dropFirst() }
    return rest.hasPrefix("0x") || rest.hasPrefix("0X")
}
