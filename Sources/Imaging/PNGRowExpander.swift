/// Turns reconstructed PNG rows into output samples: unpacks 1/2/4-bit
/// pixels, looks up palettes, turns tRNS into an alpha channel, and keeps or
/// reduces 16-bit samples.
///
/// Output layout: grey (1), grey + alpha (2), RGB (3) or RGBA (4) channels.
/// Palette images become RGB, or RGBA when they have tRNS; grey and RGB
/// images with tRNS gain an alpha channel (0 where the pixel equals the key).
struct PNGRowExpander {
    let header: PNGHeader
    /// Channels per output pixel.
    let outputChannels: Int
    /// 256 RGBA entries; indices past the palette's end read as opaque black, as libpng does.
    private let palette: [UInt8]
    /// The tRNS key of grey (1 value) or RGB (3 values) images, in file sample units.
    private let transparentKey: [UInt16]?

    init(header: PNGHeader, palette: [UInt8]?, transparency: [UInt8]?) {
        self.header = header
        var table = [UInt8](repeating: 0, count: 256 * 4)
        for index in 0..<256 { table[index * 4 + 3] = 255 }
        if let palette {
            for index in 0..<(palette.count / 3) {
                table[index * 4] = palette[index * 3]
                table[index * 4 + 1] = palette[index * 3 + 1]
                table[index * 4 + 2] = palette[index * 3 + 2]
            }
        }
        var key: [UInt16]?
        switch header.colorType {
        case .palette:
            for (index, alpha) in (transparency ?? []).enumerated() { table[index * 4 + 3] = alpha }
        case .grey, .rgb:
            if let transparency {
                key = stride(from: 0, to: transparency.count, by: 2).map {
                    UInt16(transparency[$0]) << 8 | UInt16(transparency[$0 + 1])
                }
            }
        case .greyAlpha, .rgba:
            break
        }
        self.palette = table
        self.transparentKey = key
        let hasAlpha = transparency != nil && header.colorType != .greyAlpha && header.colorType != .rgba
        switch header.colorType {
        case .grey: outputChannels = hasAlpha ? 2 : 1
        case .greyAlpha: outputChannels = 2
        case .rgb, .palette: outputChannels = hasAlpha ? 4 : 3
        case .rgba: outputChannels = 4
        }
    }

    /// Whether reconstructed rows already are output rows (8-bit, no palette, no tRNS).
    var isIdentity: Bool {
        header.bitDepth == 8 && header.colorType != .palette && transparentKey == nil
    }

    /// Writes `count` pixels of `row` as 8-bit samples, pixel i at `destination + i·pixelStride·outputChannels`.
    ///
    /// 16-bit samples are reduced with round(v / 257).
    /// - Complexity: O(count).
    func expand8(
        row: UnsafePointer<UInt8>, count: Int, into destination: UnsafeMutablePointer<UInt8>, pixelStride: Int
    ) {
        let step = pixelStride * outputChannels
        let depth = header.bitDepth
        if header.colorType == .palette || (depth < 8) {
            palette.withUnsafeBufferPointer { table in
                let isPalette = header.colorType == .palette
                let mask = (1 << depth) - 1
                let scale = UInt8(255 / mask)
                let key = transparentKey.map { Int($0[0]) } ?? -1
                for i in 0..<count {
                    let bit = i * depth
                    let value = Int(row[bit >> 3] >> UInt8(8 - depth - (bit & 7))) & mask
                    let out = destination + i * step
                    if isPalette {
                        for channel in 0..<outputChannels { out[channel] = table[value * 4 + channel] }
                    } else {
                        out[0] = UInt8(value) &* scale
                        if outputChannels == 2 { out[1] = value == key ? 0 : 255 }
                    }
                }
            }
            return
        }
        let samples = header.colorType.samplesPerPixel
        let addsAlpha = outputChannels > samples
        if depth == 8 {
            for i in 0..<count {
                let source = row + i * samples
                let out = destination + i * step
                for channel in 0..<samples { out[channel] = source[channel] }
                if addsAlpha { out[samples] = matchesKey(source, samples: samples, bytesPerSample: 1) ? 0 : 255 }
            }
        } else {
            for i in 0..<count {
                let source = row + i * samples * 2
                let out = destination + i * step
                for channel in 0..<samples {
                    let value = UInt32(source[channel * 2]) << 8 | UInt32(source[channel * 2 + 1])
                    out[channel] = UInt8((value + 128) / 257)
                }
                if addsAlpha { out[samples] = matchesKey(source, samples: samples, bytesPerSample: 2) ? 0 : 255 }
            }
        }
    }

    /// Writes `count` pixels of a 16-bit `row` as 16-bit samples, pixel i at `destination + i·pixelStride·outputChannels`.
    /// - Complexity: O(count).
    func expand16(
        row: UnsafePointer<UInt8>, count: Int, into destination: UnsafeMutablePointer<UInt16>, pixelStride: Int
    ) {
        let step = pixelStride * outputChannels
        let samples = header.colorType.samplesPerPixel
        let addsAlpha = outputChannels > samples
        for i in 0..<count {
            let source = row + i * samples * 2
            let out = destination + i * step
            for channel in 0..<samples {
                out[channel] = UInt16(source[channel * 2]) << 8 | UInt16(source[channel * 2 + 1])
            }
            if addsAlpha { out[samples] = matchesKey(source, samples: samples, bytesPerSample: 2) ? 0 : 65535 }
        }
    }

    @inline(__always)
    private func matchesKey(_ source: UnsafePointer<UInt8>, samples: Int, bytesPerSample: Int) -> Bool {
        guard let key = transparentKey, key.count == samples else { return false }
        for channel in 0..<samples {
            let value = bytesPerSample == 1
                ? UInt16(source[channel])
                : UInt16(source[channel * 2]) << 8 | UInt16(source[channel * 2 + 1])
            if value != key[channel] { return false }
        }
        return true
    }
}
