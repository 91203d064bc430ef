import LinearAlgebra

/// A k×k depthwise convolution (one filter per channel) with TF "SAME" padding,
/// its batch norm folded in, then ReLU6.
///
/// Channels are interleaved, so eight neighbouring channels of one pixel are
/// one SIMD vector: each tap is a vector load, multiply and add with no
/// shuffles. Output rows are split across the cores.
struct DepthwiseConv: Sendable {
    let channels: Int
    let kernel: Int
    let stride: Int
    /// Tap-major: `weights[(ky * kernel + kx) * channels + c]`, already scaled by the batch norm.
    let weights: [Float]
    let bias: [Float]

    /// Loads `<conv>.weight` (channels × 1 × k × k) and folds the batch norm at `bn`.
    init(_ checkpoint: TorchCheckpoint, conv: String, bn: String, channels: Int, kernel: Int,
         stride: Int) throws(FeaturesError) {
        let w = try checkpoint.floats(conv + ".weight", shape: [channels, 1, kernel, kernel])
        let norm = try BatchNorm(checkpoint, prefix: bn, channels: channels)
        let taps = kernel * kernel
        var t = [Float](repeating: 0, count: taps * channels)
        for c in 0..<channels {
            for k in 0..<taps { t[k * channels + c] = w[c * taps + k] * norm.scale[c] }
        }
        self.init(channels: channels, kernel: kernel, stride: stride, weights: t, bias: norm.bias)
    }

    init(channels: Int, kernel: Int, stride: Int, weights: [Float], bias: [Float]) {
        precondition(weights.count == kernel * kernel * channels && bias.count == channels, "depthwise weight sizes")
        self.channels = channels
        self.kernel = kernel
        self.stride = stride
        self.weights = weights
        self.bias = bias
    }

    /// Floating-point operations for an output of `pixels` pixels.
    func flops(pixels: Int) -> Double { 2 * Double(pixels * channels * kernel * kernel) }

    /// - Complexity: O(output pixels × channels × kernel²).
    func callAsFunction(_ input: FeatureMap) -> FeatureMap {
        precondition(input.channels == channels, "depthwise conv expects \(channels) channels, got \(input.channels)")
        let rows = SamePadding(input: input.height, kernel: kernel, stride: stride)
        let cols = SamePadding(input: input.width, kernel: kernel, stride: stride)
        let (oh, ow, c, k, s) = (rows.output, cols.output, channels, kernel, stride)
        let (ih, iw) = (input.height, input.width)
        var out = [Float](repeating: 0, count: oh * ow * c)
        input.values.withUnsafeBufferPointer { src in
            weights.withUnsafeBufferPointer { w in
                bias.withUnsafeBufferPointer { b in
                    out.withUnsafeMutableBufferPointer { dst in
                        let (x, wp, bp, y) = (src.baseAddress!, w.baseAddress!, b.baseAddress!, dst.baseAddress!)
                        let chunks = oh >= 4 ? min(oh, 2 * Parallel.coreCount) : 1
                        Parallel.forEach(iterations: chunks) { chunk in
                            for oy in (oh * chunk / chunks)..<(oh * (chunk + 1) / chunks) {
                                let y0 = oy * s - rows.before
                                let ky = max(0, -y0)..<min(k, ih - y0)
                                // Output columns whose taps all lie inside the row: no per-tap bounds.
                                let first = min(ow, (cols.before + s - 1) / s)
                                let reach = iw - k + cols.before  // the last interior column starts at ≤ reach
                                let last = reach < 0 ? first : max(first, min(ow, reach / s + 1))
                                var ox = 0
                                while ox < ow {
                                    let x0 = ox * s - cols.before
                                    let row = y + (oy * ow + ox) * c
                                    if ox >= first && ox + 4 <= last && c % 8 == 0 {
                                        Self.fourPixels(x, wp, bp, row, channels: c, kernel: k, stride: s, width: iw,
                                                        origin: (y0, x0), ky: ky)
                                        ox += 4
                                    } else {
                                        Self.pixel(x, wp, bp, row, channels: c, kernel: k, width: iw, origin: (y0, x0),
                                                   ky: ky, kx: max(0, -x0)..<min(k, iw - x0))
                                        ox += 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return FeatureMap(height: oh, width: ow, channels: c, values: out)
    }

    /// Four neighbouring output pixels with every horizontal tap in bounds.
    ///
    /// Each weight vector is loaded once for the four pixels, and the four
    /// accumulators stay in registers across all taps.
    @inline(__always)
    static func fourPixels(_ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
                           _ out: UnsafeMutablePointer<Float>, channels c: Int, kernel k: Int, stride s: Int,
                           width iw: Int, origin: (Int, Int), ky: Range<Int>) {
        let rx = UnsafeRawPointer(x), rw = UnsafeRawPointer(w), rb = UnsafeRawPointer(b)
        let ro = UnsafeMutableRawPointer(out)
        let step = s * c * 4  // bytes between the inputs of neighbouring output pixels
        var ch = 0
        while ch < c {
            let bias = rb.loadUnaligned(fromByteOffset: ch * 4, as: SIMD8<Float>.self)
            var a0 = bias, a1 = bias, a2 = bias, a3 = bias
            for dy in ky {
                var inByte = (((origin.0 + dy) * iw + origin.1) * c + ch) * 4
                var wByte = (dy * k * c + ch) * 4
                for _ in 0..<k {
                    let wv = rw.loadUnaligned(fromByteOffset: wByte, as: SIMD8<Float>.self)
                    a0 += rx.loadUnaligned(fromByteOffset: inByte, as: SIMD8<Float>.self) * wv
                    a1 += rx.loadUnaligned(fromByteOffset: inByte + step, as: SIMD8<Float>.self) * wv
                    a2 += rx.loadUnaligned(fromByteOffset: inByte + 2 * step, as: SIMD8<Float>.self) * wv
                    a3 += rx.loadUnaligned(fromByteOffset: inByte + 3 * step, as: SIMD8<Float>.self) * wv
                    inByte += c * 4
                    wByte += c * 4
                }
            }
            ro.storeBytes(of: a0, toByteOffset: ch * 4, as: SIMD8<Float>.self)
            ro.storeBytes(of: a1, toByteOffset: (c + ch) * 4, as: SIMD8<Float>.self)
            ro.storeBytes(of: a2, toByteOffset: (2 * c + ch) * 4, as: SIMD8<Float>.self)
            ro.storeBytes(of: a3, toByteOffset: (3 * c + ch) * 4, as: SIMD8<Float>.self)
            ch += 8
        }
        relu6(out, count: 4 * c)
    }

    /// One output pixel: every channel's bias plus its in-bounds taps, then ReLU6.
    @inline(__always)
    static func pixel(_ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
                      _ out: UnsafeMutablePointer<Float>, channels c: Int, kernel k: Int, width iw: Int,
                      origin: (Int, Int), ky: Range<Int>, kx: Range<Int>) {
        let rx = UnsafeRawPointer(x), rw = UnsafeRawPointer(w), rb = UnsafeRawPointer(b)
        let ro = UnsafeMutableRawPointer(out)
        var ch = 0
        while ch + 8 <= c {
            var acc = rb.loadUnaligned(fromByteOffset: ch * 4, as: SIMD8<Float>.self)
            for dy in ky {
                let inRow = ((origin.0 + dy) * iw + origin.1) * c + ch
                let wRow = dy * k * c + ch
                for dx in kx {
                    acc += rx.loadUnaligned(fromByteOffset: (inRow + dx * c) * 4, as: SIMD8<Float>.self)
                        * rw.loadUnaligned(fromByteOffset: (wRow + dx * c) * 4, as: SIMD8<Float>.self)
                }
            }
            ro.storeBytes(of: acc, toByteOffset: ch * 4, as: SIMD8<Float>.self)
            ch += 8
        }
        while ch < c {
            var acc = b[ch]
            for dy in ky {
                for dx in kx {
                    acc += x[((origin.0 + dy) * iw + origin.1 + dx) * c + ch] * w[(dy * k + dx) * c + ch]
                }
            }
            out[ch] = acc
            ch += 1
        }
        relu6(out, count: c)
    }
}
