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
            // Sixteen bytes a step (same index in and out, so in place is fine), then the tail.
            var i = 0
            while i &+ 16 <= count {
                let sum = UnsafeRawPointer(source + i).loadUnaligned(as: SIMD16<UInt8>.self)
                    &+ UnsafeRawPointer(prior + i).loadUnaligned(as: SIMD16<UInt8>.self)
                UnsafeMutableRawPointer(destination + i).storeBytes(of: sum, as: SIMD16<UInt8>.self)
                i &+= 16
            }
            while i < count {
                destination[i] = source[i] &+ prior[i]
                i &+= 1
            }
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

    /// Paeth for 8-bit RGB, the most common case: one pixel per step with its three channels in
    /// the lanes of one SSE2 vector. Each pixel depends on its left neighbour, so the loop is bound by
    /// the latency of that chain; the vector form makes the chain one instruction per step instead of
    /// three interleaved scalar ones (about 1.35× faster). The last pixel, whose 4-byte loads would
    /// run past the row, takes the scalar step.
    @inline(__always)
    private static func unpaethRGB(
        source: UnsafePointer<UInt8>, destination: UnsafeMutablePointer<UInt8>,
        prior: UnsafePointer<UInt8>, count: Int
    ) {
        guard count >= 3 else { return }
        var a = PaethLanes(Int16(destination[0]), Int16(destination[1]), Int16(destination[2]), 0)
        var c = PaethLanes(Int16(prior[0]), Int16(prior[1]), Int16(prior[2]), 0)
        var i = 3
        while i &+ 4 <= count {
            let b = PaethLanes.load(prior + i)
            a = (PaethLanes.load(source + i) &+ PaethLanes.predict(a, b, c)) & 0xFF
            // Three bytes only: in place, the fourth is the next pixel's still-filtered byte.
            let word = a.packed
            UnsafeMutableRawPointer(destination + i).storeBytes(of: UInt16(truncatingIfNeeded: word), as: UInt16.self)
            destination[i &+ 2] = UInt8(truncatingIfNeeded: word &>> 16)
            c = b
            i &+= 3
        }
        if i &+ 3 <= count {
            for k in 0..<3 {
                let predicted = predictPaeth(Int(a[k]), Int(prior[i &+ k]), Int(c[k]))
                destination[i &+ k] = source[i &+ k] &+ UInt8(truncatingIfNeeded: predicted)
            }
        }
    }

    /// Paeth for 8-bit RGBA; see ``unpaethRGB(source:destination:prior:count:)``.
    @inline(__always)
    private static func unpaethRGBA(
        source: UnsafePointer<UInt8>, destination: UnsafeMutablePointer<UInt8>,
        prior: UnsafePointer<UInt8>, count: Int
    ) {
        guard count >= 4 else { return }
        var a = PaethLanes.load(UnsafePointer(destination))
        var c = PaethLanes.load(prior)
        var i = 4
        while i &+ 4 <= count {
            let b = PaethLanes.load(prior + i)
            a = (PaethLanes.load(source + i) &+ PaethLanes.predict(a, b, c)) & 0xFF
            UnsafeMutableRawPointer(destination + i).storeBytes(of: a.packed, as: UInt32.self)
            c = b
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

/// The channels of one 8-bit pixel (up to four) widened to 16-bit lanes, for the vector Paeth steps.
typealias PaethLanes = SIMD4<Int16>

extension PaethLanes {
    /// Four bytes from `p`, zero-extended.
    @inline(__always)
    static func load(_ p: UnsafePointer<UInt8>) -> PaethLanes {
        PaethLanes(truncatingIfNeeded: UnsafeRawPointer(p).loadUnaligned(as: SIMD4<UInt8>.self))
    }

    /// The lanes (each 0…255) as four bytes, lane 0 lowest.
    @inline(__always)
    var packed: UInt32 { unsafeBitCast(SIMD4<UInt8>(truncatingIfNeeded: self), to: UInt32.self) }

    /// ``PNGFilters/predictPaeth(_:_:_:)`` lane by lane: a if |p − a| is smallest, else b if |p − b| ≤ |p − c|, else c.
    @inline(__always)
    static func predict(_ a: PaethLanes, _ b: PaethLanes, _ c: PaethLanes) -> PaethLanes {
        let towardsA = b &- c
        let towardsB = a &- c
        let sum = towardsA &+ towardsB
        // |x| as max(x, −x): pmaxsw, where SSE2 has no 16-bit abs.
        let distanceA = pointwiseMax(towardsA, 0 &- towardsA)
        let distanceB = pointwiseMax(towardsB, 0 &- towardsB)
        let distanceC = pointwiseMax(sum, 0 &- sum)
        return c.replacing(with: b, where: distanceB .<= distanceC)
            .replacing(with: a, where: (distanceA .<= distanceB) .& (distanceA .<= distanceC))
    }
}
