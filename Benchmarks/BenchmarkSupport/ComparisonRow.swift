import Foundation

/// One line of a timing table: operation, our seconds, the reference, its seconds and the speed-up.
public func comparisonRow(_ operation: String, _ seconds: Double, _ reference: String, _ referenceSeconds: Double?,
                          operationWidth: Int, referenceWidth: Int) -> String {
    let ref = referenceSeconds.map { String(format: "%9.4f", $0) } ?? "        –"
    let ratio = referenceSeconds.map { String(format: "%7.1f×", $0 / seconds) } ?? "       –"
    let name = operation.padding(toLength: operationWidth, withPad: " ", startingAt: 0)
    let refName = reference.padding(toLength: referenceWidth, withPad: " ", startingAt: 0)
    return "\(name) \(String(format: "%9.4f", seconds))   \(refName) \(ref)  \(ratio)"
}
