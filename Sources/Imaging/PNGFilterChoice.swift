/// The encoder's side of PNG filtering: choosing a filter per row and applying it.
extension PNGFilters {
    /// Filters `row` with the type that minimises the sum of absolute signed
    /// residuals (the specification's recommended heuristic), appending the
    /// filter byte and the filtered bytes to `output`.
    /// - Complexity: O(count).
    static func filterBest(
        row: UnsafePointer<UInt8>, prior: UnsafePointer<UInt8>, count: Int, stride: Int,
        scratch: UnsafeMutablePointer<UInt8>, output: inout [UInt8]
    ) {
        var bestFilter = none
        var bestScore = Int.max
        for filter in none...paeth {
            apply(filter, row: row, prior: prior, count: count, stride: stride, into: scratch)
            var score = 0
            for i in 0..<count { score &+= Int(Int8(bitPattern: scratch[i]).magnitude) }
            if score < bestScore {
                bestScore = score
                bestFilter = filter
            }
        }
        apply(bestFilter, row: row, prior: prior, count: count, stride: stride, into: scratch)
        output.append(bestFilter)
        output.append(contentsOf: UnsafeBufferPointer(start: scratch, count: count))
    }

    /// Writes `row` filtered with `filter` into `destination`.
    private static func apply(
        _ filter: UInt8, row: UnsafePointer<UInt8>, prior: UnsafePointer<UInt8>, count: Int, stride: Int,
        into destination: UnsafeMutablePointer<UInt8>
    ) {
        let head = min(stride, count)
        switch filter {
        case sub:
            for i in 0..<head { destination[i] = row[i] }
            for i in head..<count { destination[i] = row[i] &- row[i &- stride] }
        case up:
            for i in 0..<count { destination[i] = row[i] &- prior[i] }
        case average:
            for i in 0..<head { destination[i] = row[i] &- prior[i] &>> 1 }
            for i in head..<count {
                let sum = UInt16(row[i &- stride]) &+ UInt16(prior[i])
                destination[i] = row[i] &- UInt8(truncatingIfNeeded: sum &>> 1)
            }
        case paeth:
            for i in 0..<head { destination[i] = row[i] &- prior[i] }
            for i in head..<count {
                let prediction = predictPaeth(Int(row[i &- stride]), Int(prior[i]), Int(prior[i &- stride]))
                destination[i] = row[i] &- UInt8(truncatingIfNeeded: prediction)
            }
        default:
            destination.update(from: row, count: count)
        }
    }
}
