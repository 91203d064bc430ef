/// libjpeg's accurate integer inverse DCT ("islow", jidctint): the Loeffler–Ligtenberg–Moschytz
/// factorisation with 13-bit constants and 2 extra bits of precision between the passes.
///
/// The arithmetic follows libjpeg-turbo's x86 SIMD build of it, which is what `djpeg` runs:
/// products are exact, but dequantisation keeps the low 16 bits, a few sums wrap at 16 bits,
/// each pass saturates its results to 16 bits and the output saturates to 0...255. On valid
/// data this is identical to the C reference; it only decides what corrupt data looks like.
enum JPEGIDCT {
    static let constBits: Int32 = 13
    static let pass1Bits: Int32 = 2

    static let f0_298: Int32 = 2446
    static let f0_390: Int32 = 3196
    static let f0_541: Int32 = 4433
    static let f0_765: Int32 = 6270
    static let f0_899: Int32 = 7373
    static let f1_175: Int32 = 9633
    static let f1_501: Int32 = 12299
    static let f1_847: Int32 = 15137
    static let f1_961: Int32 = 16069
    static let f2_053: Int32 = 16819
    static let f2_562: Int32 = 20995
    static let f3_072: Int32 = 25172

    @inline(__always)
    static func saturate16(_ x: Int32) -> Int16 {
        Int16(truncatingIfNeeded: min(max(x, -32768), 32767))
    }

    @inline(__always)
    static func sample(_ x: Int16) -> UInt8 {
        UInt8(truncatingIfNeeded: Int32(min(max(x, -128), 127)) + 128)
    }

    /// One 8-point transform over `input[0], input[step], …`, written to `output` with the same step.
    @inline(__always)
    static func transform1D(
        _ i: UnsafePointer<Int16>, _ o: UnsafeMutablePointer<Int16>, step: Int, shift: Int32
    ) {
        let in0 = i[0], in1 = i[step], in2 = i[2 * step], in3 = i[3 * step]
        let in4 = i[4 * step], in5 = i[5 * step], in6 = i[6 * step], in7 = i[7 * step]
        // Even part.
        let e2 = Int32(in2), e6 = Int32(in6)
        let tmp3 = e2 &* (f0_541 + f0_765) &+ e6 &* f0_541
        let tmp2 = e2 &* f0_541 &+ e6 &* (f0_541 - f1_847)
        let tmp0 = Int32(in0 &+ in4) << constBits
        let tmp1 = Int32(in0 &- in4) << constBits
        let tmp10 = tmp0 &+ tmp3, tmp13 = tmp0 &- tmp3
        let tmp11 = tmp1 &+ tmp2, tmp12 = tmp1 &- tmp2
        // Odd part.
        let z3 = Int32(in7 &+ in3), z4 = Int32(in5 &+ in1)
        let z3r = z3 &* (f1_175 - f1_961) &+ z4 &* f1_175
        let z4r = z3 &* f1_175 &+ z4 &* (f1_175 - f0_390)
        let o7 = Int32(in7), o5 = Int32(in5), o3 = Int32(in3), o1 = Int32(in1)
        let t0 = o7 &* (f0_298 - f0_899) &+ o1 &* -f0_899 &+ z3r
        let t1 = o5 &* (f2_053 - f2_562) &+ o3 &* -f2_562 &+ z4r
        let t3 = o7 &* -f0_899 &+ o1 &* (f1_501 - f0_899) &+ z4r
        let t2 = o5 &* -f2_562 &+ o3 &* (f3_072 - f2_562) &+ z3r
        let round: Int32 = 1 << (shift - 1)
        o[0] = saturate16((tmp10 &+ t3 &+ round) >> shift)
        o[7 * step] = saturate16((tmp10 &- t3 &+ round) >> shift)
        o[step] = saturate16((tmp11 &+ t2 &+ round) >> shift)
        o[6 * step] = saturate16((tmp11 &- t2 &+ round) >> shift)
        o[2 * step] = saturate16((tmp12 &+ t1 &+ round) >> shift)
        o[5 * step] = saturate16((tmp12 &- t1 &+ round) >> shift)
        o[3 * step] = saturate16((tmp13 &+ t0 &+ round) >> shift)
        o[4 * step] = saturate16((tmp13 &- t0 &+ round) >> shift)
    }

    /// The column pass for dense blocks: the same 1-D transform down each of the eight columns,
    /// branch-free, so the loop over columns vectorises once `transform1D` is inlined.
    @inline(__always)
    static func columnPass(_ dq: UnsafePointer<Int16>, _ ws: UnsafeMutablePointer<Int16>) {
        for col in 0..<8 {
            transform1D(dq + col, ws + col, step: 8, shift: constBits - pass1Bits)
        }
    }

    /// The 8×8 output of a block whose only nonzero coefficient is the DC: one flat value.
    @inline(__always)
    static func fillDCOnly(_ dc: Int16, quant: Int16, output: UnsafeMutablePointer<UInt8>, stride: Int) {
        let v = sample(saturate16((Int32((dc &* quant) &<< 2) + 16) >> 5))
        let word = UInt64(v) &* 0x0101_0101_0101_0101
        let raw = UnsafeMutableRawPointer(output)
        for row in 0..<8 { raw.storeBytes(of: word, toByteOffset: row * stride, as: UInt64.self) }
    }

    /// Inverse-transforms one block of natural-order coefficients into 8×8 samples at `output`.
    /// `workspace` needs room for 128 values: dequantised input, then the column pass.
    @inline(__always)
    static func transform(
        _ coefficients: UnsafePointer<Int16>, quant: UnsafePointer<Int16>,
        output: UnsafeMutablePointer<UInt8>, stride: Int,
        workspace: UnsafeMutablePointer<Int16>
    ) {
        let dq = workspace
        let ws = workspace + 64
        var acRows: Int16 = 0
        for k in 8..<64 { acRows |= coefficients[k] }
        if acRows == 0 {
            // Only the first row is set: the SIMD code shortcuts this case with a wrapping shift.
            for col in 0..<8 {
                let v = (coefficients[col] &* quant[col]) &<< 2
                for row in 0..<8 { ws[row * 8 + col] = v }
            }
        } else {
            for k in 0..<64 { dq[k] = coefficients[k] &* quant[k] }
            var flatColumns = 0
            for col in 0..<8 {
                let c = dq + col
                if c[8] | c[16] | c[24] | c[32] | c[40] | c[48] | c[56] == 0 { flatColumns += 1 }
            }
            if flatColumns >= 4 {
                // Sparse blocks (smooth images): skipping flat columns beats the vectorised loop.
                for col in 0..<8 {
                    let c = dq + col
                    if c[8] | c[16] | c[24] | c[32] | c[40] | c[48] | c[56] == 0 {
                        // Same result as the full transform of a DC-only column.
                        let v = saturate16(Int32(c[0]) << pass1Bits)
                        for row in 0..<8 { ws[row * 8 + col] = v }
                    } else {
                        transform1D(c, ws + col, step: 8, shift: constBits - pass1Bits)
                    }
                }
            } else {
                columnPass(dq, ws)
            }
        }

        for row in 0..<8 {
            let w = ws + row * 8
            let out = output + row * stride
            if w[1] == 0, w[2] == 0, w[3] == 0, w[4] == 0, w[5] == 0, w[6] == 0, w[7] == 0 {
                // Same result as the full transform of a DC-only row.
                let v = sample(saturate16((Int32(w[0]) + 16) >> 5))
                for x in 0..<8 { out[x] = v }
                continue
            }
            transform1D(w, dq, step: 1, shift: constBits + pass1Bits + 3)
            for x in 0..<8 { out[x] = sample(dq[x]) }
        }
    }
}
