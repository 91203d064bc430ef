/// Decodes Netpbm images: P1–P6 (PBM, PGM, PPM, plain and raw).
///
/// - Bitmaps (P1, P4) become 8-bit grey with 1 (black) → 0 and 0 (white) → 255.
/// - maxval 255 or 65535 samples are kept as they are; maxval < 256 gives
///   8-bit samples and maxval ≥ 256 16-bit ones, rescaled to the full range
///   with rounding: round(v · 255 / maxval) or round(v · 65535 / maxval).
/// - With `options.keep16Bit == false`, 16-bit results are reduced to 8 bits
///   with rounding, as the PNG decoder does.
/// - Samples above maxval, short rasters and malformed headers are errors
///   naming the field; bytes after the raster (a second image) are ignored.
public enum PNMDecoder {
    /// Whether `prefix` starts like a P1–P6 file (for format sniffing).
    ///
    /// Two bytes suffice ("P1" … "P6"); when a third is given it must be
    /// whitespace or `#`, which rules out text that merely starts with "P5".
    public static func canDecode(_ prefix: some Collection<UInt8>) -> Bool {
        let head = Array(prefix.prefix(3))
        guard head.count >= 2, PNMFormat(magic: head[0], head[1]) != nil else { return false }
        return head.count == 2 || PNMScanner.isWhitespace(head[2]) || head[2] == UInt8(ascii: "#")
    }

    /// Decodes a whole file held in memory.
    /// - Parameters:
    ///   - bytes: the file's bytes.
    ///   - file: the name used in error messages.
    ///   - options: the pixel limit (checked before allocating) and the 16-bit policy.
    /// - Throws: ``ImagingError`` naming what is wrong; never traps on bad input.
    /// - Complexity: O(bytes.count).
    public static func decode(_ bytes: [UInt8], file: String, options: DecodingOptions = DecodingOptions()) throws(ImagingError) -> Image {
        let header = try PNMHeader.parse(bytes, file: file, options: options)
        let image: Image
        switch header.format {
        case .plainBitmap: image = try plainBitmap(bytes, header, file)
        case .rawBitmap: image = try rawBitmap(bytes, header, file)
        case .plainGreymap, .plainPixmap: image = try plainSamples(bytes, header, file)
        case .rawGreymap, .rawPixmap: image = try rawSamples(bytes, header, file)
        }
        return options.keep16Bit ? image : reducedTo8Bit(image)
    }

    // MARK: bitmaps

    private static func plainBitmap(_ bytes: [UInt8], _ header: PNMHeader, _ file: String) throws(ImagingError) -> Image {
        let count = header.width * header.height
        // Each pixel takes at least one byte, so a short file fails here, before allocating.
        try requirePlainRaster(bytes, header, minimumBytes: count, file)
        var scanner = PNMScanner(bytes: bytes, file: file, position: header.rasterOffset - 1)
        var pixels = [UInt8](repeating: 0, count: count)
        for i in 0..<count {
            pixels[i] = try scanner.bit("pixel \(i % header.width),\(i / header.width)") ? 0 : 255
        }
        return Image(width: header.width, height: header.height, channels: 1, pixels: pixels)
    }

    private static func rawBitmap(_ bytes: [UInt8], _ header: PNMHeader, _ file: String) throws(ImagingError) -> Image {
        let rowBytes = (header.width + 7) / 8
        let needed = rowBytes * header.height
        try requireRaster(bytes, header, needed, file)
        var pixels = [UInt8](repeating: 0, count: header.width * header.height)
        bytes.withUnsafeBufferPointer { src in
            for y in 0..<header.height {
                let row = header.rasterOffset + y * rowBytes
                for x in 0..<header.width {
                    let bit = (src[row + (x >> 3)] >> (7 - UInt8(x & 7))) & 1
                    pixels[y * header.width + x] = bit == 1 ? 0 : 255
                }
            }
        }
        return Image(width: header.width, height: header.height, channels: 1, pixels: pixels)
    }

    // MARK: grey and colour

    private static func plainSamples(_ bytes: [UInt8], _ header: PNMHeader, _ file: String) throws(ImagingError) -> Image {
        let channels = header.format.channels
        let count = header.width * header.height * channels
        // Each sample takes a digit and a separator (but the last), so a short file fails here, before allocating.
        try requirePlainRaster(bytes, header, minimumBytes: 2 * count - 1, file)
        var scanner = PNMScanner(bytes: bytes, file: file, position: header.rasterOffset - 1)
        var values = [Int](repeating: 0, count: count)
        for i in 0..<count {
            do {
                values[i] = try scanner.number("sample \(i)", limit: header.maxValue)
            } catch {
                throw describeSampleError(error, index: i, count: count, header: header, file: file)
            }
        }
        return makeImage(header, values.count) { values[$0] }
    }

    private static func rawSamples(_ bytes: [UInt8], _ header: PNMHeader, _ file: String) throws(ImagingError) -> Image {
        let count = header.width * header.height * header.format.channels
        try requireRaster(bytes, header, count * header.bytesPerSample, file)
        let start = header.rasterOffset
        // Find the first out-of-range sample before converting, so the error can name it.
        let maxValue = header.maxValue
        let wide = header.bytesPerSample == 2
        let firstBad: Int? = bytes.withUnsafeBufferPointer { src in
            if (!wide && maxValue == 255) || (wide && maxValue == 65535) { return nil }
            for i in 0..<count {
                let v = wide ? Int(src[start + 2 * i]) << 8 | Int(src[start + 2 * i + 1]) : Int(src[start + i])
                if v > maxValue { return i }
            }
            return nil
        }
        if let i = firstBad {
            throw .corrupt(file: file, reason: "sample \(i) (pixel \(i / header.format.channels % header.width),\(i / header.format.channels / header.width)) exceeds maxval \(maxValue)")
        }
        return bytes.withUnsafeBufferPointer { src in
            wide
                ? makeImage(header, count) { Int(src[start + 2 * $0]) << 8 | Int(src[start + 2 * $0 + 1]) }
                : makeImage(header, count) { Int(src[start + $0]) }
        }
    }

    // MARK: helpers

    private static func requireRaster(_ bytes: [UInt8], _ header: PNMHeader, _ needed: Int, _ file: String) throws(ImagingError) {
        let available = bytes.count - header.rasterOffset
        guard available >= needed else {
            throw .corrupt(file: file, reason: "truncated: \(header.width)×\(header.height) \(header.format.magic) needs \(needed) bytes of pixel data, found \(max(available, 0))")
        }
    }

    private static func requirePlainRaster(_ bytes: [UInt8], _ header: PNMHeader, minimumBytes: Int, _ file: String) throws(ImagingError) {
        let available = bytes.count - header.rasterOffset
        guard available >= minimumBytes else {
            throw .corrupt(file: file, reason: "truncated: \(header.width)×\(header.height) \(header.format.magic) needs at least \(minimumBytes) bytes of pixel data, found \(max(available, 0))")
        }
    }

    /// Builds the image from `count` raw sample values, rescaling unless maxval is 255 or 65535.
    private static func makeImage(_ header: PNMHeader, _ count: Int, _ sample: (Int) -> Int) -> Image {
        let (width, height, channels) = (header.width, header.height, header.format.channels)
        if header.maxValue < 256 {
            return Image(width: width, height: height, channels: channels,
                         pixels: rescaled(count, from: header.maxValue, sample))
        }
        return Image(width: width, height: height, channels: channels,
                     pixels16: rescaled(count, from: header.maxValue, sample))
    }

    /// `count` samples scaled from 0...`maxValue` to the full range of `Sample`, rounding to nearest;
    /// copied unchanged when `maxValue` already is the full range.
    private static func rescaled<Sample: FixedWidthInteger & UnsignedInteger>(
        _ count: Int, from maxValue: Int, _ sample: (Int) -> Int
    ) -> [Sample] {
        let top = Int(Sample.max)
        return [Sample](unsafeUninitializedCapacity: count) { out, n in
            for i in 0..<count {
                let v = sample(i)
                out[i] = Sample(maxValue == top ? v : (v * top + maxValue / 2) / maxValue)
            }
            n = count
        }
    }

    /// Rewords a scanner error on a plain sample with the pixel position.
    private static func describeSampleError(_ error: ImagingError, index: Int, count: Int, header: PNMHeader, file: String) -> ImagingError {
        guard case .corrupt(_, let reason) = error else { return error }
        let pixel = index / header.format.channels
        return .corrupt(file: file, reason: "\(reason) (pixel \(pixel % header.width),\(pixel / header.width); \(count) samples expected)")
    }

    /// round(v · 255 / 65535) for every sample.
    static func reducedTo8Bit(_ image: Image) -> Image {
        guard case .uint16(let s) = image.samples else { return image }
        return Image(width: image.width, height: image.height, channels: image.channels,
                     pixels: s.map { UInt8((Int($0) * 255 + 32767) / 65535) })
    }
}
