/// How a component is brought to full resolution, chosen exactly as libjpeg-turbo's jdsample does
/// with fancy upsampling on: triangular filters for 2:1 horizontal, 2:1 vertical and 2:1 both ways,
/// pixel replication for every other integral ratio.
enum JPEGUpsampleMethod: Sendable, Hashable {
    case fullSize
    case h2v1Fancy
    case h1v2Fancy
    case h2v2Fancy
    case replicate(horizontal: Int, vertical: Int)

    /// nil when the ratio is not integral (libjpeg refuses those too).
    static func choose(for c: JPEGComponent, in frame: JPEGFrame) -> JPEGUpsampleMethod? {
        let h = c.horizontalSampling, v = c.verticalSampling
        let hmax = frame.maxHorizontalSampling, vmax = frame.maxVerticalSampling
        if h == hmax, v == vmax { return .fullSize }
        // The fancy horizontal filters need three input columns.
        if h * 2 == hmax, v == vmax { return c.downsampledWidth > 2 ? .h2v1Fancy : .replicate(horizontal: 2, vertical: 1) }
        if h == hmax, v * 2 == vmax { return .h1v2Fancy }
        if h * 2 == hmax, v * 2 == vmax { return c.downsampledWidth > 2 ? .h2v2Fancy : .replicate(horizontal: 2, vertical: 2) }
        guard hmax % h == 0, vmax % v == 0 else { return nil }
        return .replicate(horizontal: hmax / h, vertical: vmax / v)
    }
}

/// One component's plane plus its upsampling method; produces full-resolution rows.
struct JPEGUpsampler {
    let method: JPEGUpsampleMethod
    let offset: Int
    let stride: Int
    let width: Int
    let height: Int

    /// Output row `y`: either a row of the plane itself or `buffer`, filled with at least `outputWidth` samples.
    @inline(__always)
    func row(_ y: Int, planes: UnsafePointer<UInt8>, buffer: UnsafeMutablePointer<UInt8>, outputWidth: Int) -> UnsafePointer<UInt8> {
        let plane = planes + offset
        switch method {
        case .fullSize:
            return plane + y * stride
        case .h2v1Fancy:
            Self.h2v1(plane + y * stride, count: width, into: buffer)
        case .h1v2Fancy:
            let near = y >> 1
            let upper = y & 1 == 0
            let far = upper ? max(near - 1, 0) : min(near + 1, height - 1)
            let n = plane + near * stride, f = plane + far * stride
            let bias = upper ? 1 : 2
            for x in 0..<width {
                buffer[x] = UInt8(truncatingIfNeeded: (Int(n[x]) * 3 + Int(f[x]) + bias) >> 2)
            }
        case .h2v2Fancy:
            let near = y >> 1
            let far = y & 1 == 0 ? max(near - 1, 0) : min(near + 1, height - 1)
            Self.h2v2(plane + near * stride, plane + far * stride, count: width, into: buffer)
        case .replicate(let h, let v):
            let input = plane + (y / v) * stride
            var x = 0
            var i = 0
            while x < outputWidth {
                let value = input[i]
                for _ in 0..<h { buffer[x] = value; x += 1 }
                i += 1
            }
        }
        return UnsafePointer(buffer)
    }

    /// Horizontal triangle filter: each output is ¾ the nearer input plus ¼ the further one.
    @inline(__always)
    static func h2v1(_ input: UnsafePointer<UInt8>, count: Int, into out: UnsafeMutablePointer<UInt8>) {
        out[0] = input[0]
        out[1] = UInt8(truncatingIfNeeded: (Int(input[0]) * 3 + Int(input[1]) + 2) >> 2)
        var i = 1
        while i < count - 1 {
            let v = Int(input[i]) * 3
            out[2 * i] = UInt8(truncatingIfNeeded: (v + Int(input[i - 1]) + 1) >> 2)
            out[2 * i + 1] = UInt8(truncatingIfNeeded: (v + Int(input[i + 1]) + 2) >> 2)
            i += 1
        }
        let last = count - 1
        out[2 * last] = UInt8(truncatingIfNeeded: (Int(input[last]) * 3 + Int(input[last - 1]) + 1) >> 2)
        out[2 * last + 1] = input[last]
    }

    /// The 2-D triangle filter: vertical ¾/¼ column sums, then the horizontal ¾/¼ step, rounded once.
    @inline(__always)
    static func h2v2(_ near: UnsafePointer<UInt8>, _ far: UnsafePointer<UInt8>, count: Int, into out: UnsafeMutablePointer<UInt8>) {
        @inline(__always) func sum(_ i: Int) -> Int { Int(near[i]) * 3 + Int(far[i]) }
        var this = sum(0)
        var next = sum(1)
        out[0] = UInt8(truncatingIfNeeded: (this * 4 + 8) >> 4)
        out[1] = UInt8(truncatingIfNeeded: (this * 3 + next + 7) >> 4)
        var last = this
        this = next
        var i = 1
        while i < count - 1 {
            next = sum(i + 1)
            out[2 * i] = UInt8(truncatingIfNeeded: (this * 3 + last + 8) >> 4)
            out[2 * i + 1] = UInt8(truncatingIfNeeded: (this * 3 + next + 7) >> 4)
            last = this
            this = next
            i += 1
        }
        out[2 * i] = UInt8(truncatingIfNeeded: (this * 3 + last + 8) >> 4)
        out[2 * i + 1] = UInt8(truncatingIfNeeded: (this * 4 + 7) >> 4)
    }
}
