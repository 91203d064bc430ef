@testable import Imaging

/// libjpeg's C jidctint with 64-bit intermediates and its post-IDCT range-limit table, kept as
/// an oracle: on coefficients a real encoder can produce, the decoder's SIMD-exact IDCT must agree.
enum JPEGReferenceIDCT {
    static let constBits = 13
    static let pass1Bits = 2

    static let fix0_298631336 = 2446
    static let fix0_390180644 = 3196
    static let fix0_541196100 = 4433
    static let fix0_765366865 = 6270
    static let fix0_899976223 = 7373
    static let fix1_175875602 = 9633
    static let fix1_501321110 = 12299
    static let fix1_847759065 = 15137
    static let fix1_961570560 = 16069
    static let fix2_053119869 = 16819
    static let fix2_562915447 = 20995
    static let fix3_072711026 = 25172

    /// Maps a descaled IDCT output (masked to 10 bits) to a sample: +128 and clamp for
    /// -512...511, wrapping beyond, exactly like libjpeg's post-IDCT range-limit table.
    static let rangeLimit: [UInt8] = (0..<1024).map { i in
        if i < 128 { return UInt8(i + 128) }
        if i < 512 { return 255 }
        if i < 896 { return 0 }
        return UInt8(i - 896)
    }

    /// Inverse-transforms one block of natural-order coefficients into 8×8 samples at `output`.
    @inline(__always)
    static func transform(
        _ coefficients: UnsafePointer<Int16>, quant: UnsafePointer<Int16>,
        output: UnsafeMutablePointer<UInt8>, stride: Int,
        workspace ws: UnsafeMutablePointer<Int32>, limit: UnsafePointer<UInt8>
    ) {
        // Pass 1: columns, into the workspace scaled up by 2^pass1Bits.
        for col in 0..<8 {
            @inline(__always) func dq(_ row: Int) -> Int {
                let i = row &* 8 &+ col
                return Int(Int16(truncatingIfNeeded: Int32(coefficients[i]) &* Int32(quant[i])))
            }
            if coefficients[8 + col] == 0, coefficients[16 + col] == 0, coefficients[24 + col] == 0,
                coefficients[32 + col] == 0, coefficients[40 + col] == 0, coefficients[48 + col] == 0,
                coefficients[56 + col] == 0
            {
                let dc = Int32(truncatingIfNeeded: dq(0) << pass1Bits)
                for row in 0..<8 { ws[row * 8 + col] = dc }
                continue
            }
            var z2 = dq(2)
            var z3 = dq(6)
            var z1 = (z2 + z3) * fix0_541196100
            var tmp2 = z1 + z3 * -fix1_847759065
            var tmp3 = z1 + z2 * fix0_765366865
            z2 = dq(0)
            z3 = dq(4)
            var tmp0 = (z2 + z3) << constBits
            var tmp1 = (z2 - z3) << constBits
            let tmp10 = tmp0 + tmp3
            let tmp13 = tmp0 - tmp3
            let tmp11 = tmp1 + tmp2
            let tmp12 = tmp1 - tmp2

            tmp0 = dq(7)
            tmp1 = dq(5)
            tmp2 = dq(3)
            tmp3 = dq(1)
            z1 = tmp0 + tmp3
            z2 = tmp1 + tmp2
            z3 = tmp0 + tmp2
            var z4 = tmp1 + tmp3
            let z5 = (z3 + z4) * fix1_175875602
            tmp0 *= fix0_298631336
            tmp1 *= fix2_053119869
            tmp2 *= fix3_072711026
            tmp3 *= fix1_501321110
            z1 *= -fix0_899976223
            z2 *= -fix2_562915447
            z3 = z3 * -fix1_961570560 + z5
            z4 = z4 * -fix0_390180644 + z5
            tmp0 += z1 + z3
            tmp1 += z2 + z4
            tmp2 += z2 + z3
            tmp3 += z1 + z4

            let shift = constBits - pass1Bits
            let round = 1 << (shift - 1)
            ws[col] = Int32(truncatingIfNeeded: (tmp10 + tmp3 + round) >> shift)
            ws[56 + col] = Int32(truncatingIfNeeded: (tmp10 - tmp3 + round) >> shift)
            ws[8 + col] = Int32(truncatingIfNeeded: (tmp11 + tmp2 + round) >> shift)
            ws[48 + col] = Int32(truncatingIfNeeded: (tmp11 - tmp2 + round) >> shift)
            ws[16 + col] = Int32(truncatingIfNeeded: (tmp12 + tmp1 + round) >> shift)
            ws[40 + col] = Int32(truncatingIfNeeded: (tmp12 - tmp1 + round) >> shift)
            ws[24 + col] = Int32(truncatingIfNeeded: (tmp13 + tmp0 + round) >> shift)
            ws[32 + col] = Int32(truncatingIfNeeded: (tmp13 - tmp0 + round) >> shift)
        }

        // Pass 2: rows, descaling by 2^(constBits + pass1Bits + 3) into samples.
        let shift = constBits + pass1Bits + 3
        let round = 1 << (shift - 1)
        for row in 0..<8 {
            let w = ws + row * 8
            let out = output + row * stride
            if w[1] == 0, w[2] == 0, w[3] == 0, w[4] == 0, w[5] == 0, w[6] == 0, w[7] == 0 {
                let v = limit[((Int(w[0]) + (1 << (pass1Bits + 2))) >> (pass1Bits + 3)) & 1023]
                for i in 0..<8 { out[i] = v }
                continue
            }
            var z2 = Int(w[2])
            var z3 = Int(w[6])
            var z1 = (z2 + z3) * fix0_541196100
            var tmp2 = z1 + z3 * -fix1_847759065
            var tmp3 = z1 + z2 * fix0_765366865
            var tmp0 = (Int(w[0]) + Int(w[4])) << constBits
            var tmp1 = (Int(w[0]) - Int(w[4])) << constBits
            let tmp10 = tmp0 + tmp3
            let tmp13 = tmp0 - tmp3
            let tmp11 = tmp1 + tmp2
            let tmp12 = tmp1 - tmp2

            tmp0 = Int(w[7])
            tmp1 = Int(w[5])
            tmp2 = Int(w[3])
            tmp3 = Int(w[1])
            z1 = tmp0 + tmp3
            z2 = tmp1 + tmp2
            z3 = tmp0 + tmp2
            var z4 = tmp1 + tmp3
            let z5 = (z3 + z4) * fix1_175875602
            tmp0 *= fix0_298631336
            tmp1 *= fix2_053119869
            tmp2 *= fix3_072711026
            tmp3 *= fix1_501321110
            z1 *= -fix0_899976223
            z2 *= -fix2_562915447
            z3 = z3 * -fix1_961570560 + z5
            z4 = z4 * -fix0_390180644 + z5
            tmp0 += z1 + z3
            tmp1 += z2 + z4
            tmp2 += z2 + z3
            tmp3 += z1 + z4

            out[0] = limit[((tmp10 + tmp3 + round) >> shift) & 1023]
            out[7] = limit[((tmp10 - tmp3 + round) >> shift) & 1023]
            out[1] = limit[((tmp11 + tmp2 + round) >> shift) & 1023]
            out[6] = limit[((tmp11 - tmp2 + round) >> shift) & 1023]
            out[2] = limit[((tmp12 + tmp1 + round) >> shift) & 1023]
            out[5] = limit[((tmp12 - tmp1 + round) >> shift) & 1023]
            out[3] = limit[((tmp13 + tmp0 + round) >> shift) & 1023]
            out[4] = limit[((tmp13 - tmp0 + round) >> shift) & 1023]
        }
    }
}
