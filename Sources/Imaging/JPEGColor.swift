/// The colour space of the coded components, decided from JFIF/Adobe markers and component IDs
/// as libjpeg does.
enum JPEGColorSpace: Sendable, Hashable {
    case grayscale
    case rgb
    case yCbCr
    case cmyk
    case yccK

    /// libjpeg's `default_decompress_parms` rules; the string is its warning for an unknown Adobe transform.
    static func detect(components: [JPEGComponent], sawJFIF: Bool, adobeTransform: Int?) -> (JPEGColorSpace, String?) {
        switch components.count {
        case 1:
            return (.grayscale, nil)
        case 3:
            if sawJFIF { return (.yCbCr, nil) }
            if let t = adobeTransform {
                switch t {
                case 0: return (.rgb, nil)
                case 1: return (.yCbCr, nil)
                default: return (.yCbCr, "Unknown Adobe color transform code \(t)")
                }
            }
            let ids = components.map(\.id)
            return (ids == [82, 71, 66] ? .rgb : .yCbCr, nil)
        default:
            guard let t = adobeTransform else { return (.cmyk, nil) }
            switch t {
            case 0: return (.cmyk, nil)
            case 2: return (.yccK, nil)
            default: return (.yccK, "Unknown Adobe color transform code \(t)")
            }
        }
    }
}

/// libjpeg's fixed-point YCbCr → RGB tables (16 fractional bits) and the conversions that
/// turn each colour space into grey or RGB output the way djpeg writes PNM files.
struct JPEGColorConverter {
    private let crToR: [Int32]
    private let cbToB: [Int32]
    private let crToG: [Int32]
    private let cbToG: [Int32]

    init() {
        let scale = 16
        let half = 1 << (scale - 1)
        func fix(_ x: Double) -> Int { Int(x * Double(1 << scale) + 0.5) }
        var rr = [Int32](), bb = [Int32](), rg = [Int32](), bg = [Int32]()
        for i in 0..<256 {
            let x = i - 128
            rr.append(Int32((fix(1.40200) * x + half) >> scale))
            bb.append(Int32((fix(1.77200) * x + half) >> scale))
            rg.append(Int32(-fix(0.71414) * x))
            bg.append(Int32(-fix(0.34414) * x + half))
        }
        crToR = rr
        cbToB = bb
        crToG = rg
        cbToG = bg
    }

    @inline(__always)
    private static func clamp(_ v: Int32) -> UInt8 {
        UInt8(truncatingIfNeeded: min(max(v, 0), 255))
    }

    /// djpeg's CMYK → RGB for PNM output: each of C, M, Y scaled by K/255, rounded.
    @inline(__always)
    private static func scaled(_ c: Int32, _ k: Int32) -> UInt8 {
        UInt8(truncatingIfNeeded: (2 * c * k + 255) / 510)
    }

    /// Converts one row of `width` pixels from component rows into interleaved output.
    func convert(
        _ space: JPEGColorSpace, rows: [UnsafePointer<UInt8>], width: Int, into out: UnsafeMutablePointer<UInt8>
    ) {
        switch space {
        case .grayscale:
            out.update(from: rows[0], count: width)
        case .rgb:
            let r = rows[0], g = rows[1], b = rows[2]
            for x in 0..<width {
                out[3 * x] = r[x]
                out[3 * x + 1] = g[x]
                out[3 * x + 2] = b[x]
            }
        case .yCbCr:
            crToR.withUnsafeBufferPointer { rr in
                cbToB.withUnsafeBufferPointer { bb in
                    crToG.withUnsafeBufferPointer { rg in
                        cbToG.withUnsafeBufferPointer { bg in
                            let y = rows[0], cb = rows[1], cr = rows[2]
                            for x in 0..<width {
                                let l = Int32(y[x])
                                let b = Int(cb[x]), r = Int(cr[x])
                                out[3 * x] = Self.clamp(l + rr[r])
                                out[3 * x + 1] = Self.clamp(l + ((bg[b] + rg[r]) >> 16))
                                out[3 * x + 2] = Self.clamp(l + bb[b])
                            }
                        }
                    }
                }
            }
        case .cmyk:
            let c = rows[0], m = rows[1], y = rows[2], k = rows[3]
            for x in 0..<width {
                let kk = Int32(k[x])
                out[3 * x] = Self.scaled(Int32(c[x]), kk)
                out[3 * x + 1] = Self.scaled(Int32(m[x]), kk)
                out[3 * x + 2] = Self.scaled(Int32(y[x]), kk)
            }
        case .yccK:
            crToR.withUnsafeBufferPointer { rr in
                cbToB.withUnsafeBufferPointer { bb in
                    crToG.withUnsafeBufferPointer { rg in
                        cbToG.withUnsafeBufferPointer { bg in
                            let y = rows[0], cb = rows[1], cr = rows[2], k = rows[3]
                            for x in 0..<width {
                                let l = Int32(y[x])
                                let b = Int(cb[x]), r = Int(cr[x])
                                let kk = Int32(k[x])
                                // YCC → inverted CMY, then djpeg's CMYK → RGB.
                                let c = Int32(Self.clamp(255 - (l + rr[r])))
                                let m = Int32(Self.clamp(255 - (l + ((bg[b] + rg[r]) >> 16))))
                                let yy = Int32(Self.clamp(255 - (l + bb[b])))
                                out[3 * x] = Self.scaled(c, kk)
                                out[3 * x + 1] = Self.scaled(m, kk)
                                out[3 * x + 2] = Self.scaled(yy, kk)
                            }
                        }
                    }
                }
            }
        }
    }
}
