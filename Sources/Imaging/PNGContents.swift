/// What a PNG file's chunks say: header, palette, transparency and the
/// concatenated compressed image data, with the chunk-order rules checked.
struct PNGContents {
    let header: PNGHeader
    /// PLTE: RGB triples, for palette images only.
    let palette: [UInt8]?
    /// tRNS data, for palette, grey and RGB images (ignored for types with alpha).
    let transparency: [UInt8]?
    /// The zlib stream split across the IDAT chunks, joined.
    let compressedData: [UInt8]

    /// Walks the chunks from the signature to IEND.
    ///
    /// The image size is checked against `maxPixels` as soon as IHDR is read, before anything is allocated.
    /// - Throws: ``ImagingError`` naming the chunk at fault.
    /// - Complexity: O(file size).
    static func parse(
        _ bytes: [UInt8], file: String, maxPixels: Int, verifyingCRC: Bool
    ) throws(ImagingError) -> PNGContents {
        guard bytes.count >= 8, Array(bytes[0..<8]) == PNGChunk.signature else {
            if bytes.count >= 4 && Array(bytes[1..<4]) == Array("PNG".utf8) {
                throw .corrupt(file: file, reason: "damaged PNG signature (altered by a text-mode or 7-bit transfer?)")
            }
            throw .unknownFormat(file: file)
        }
        var header: PNGHeader?
        var palette: [UInt8]?
        var transparency: [UInt8]?
        var dataChunks: [Range<Int>] = []
        var dataEnded = false
        var offset = 8
        var sawEnd = false
        while offset < bytes.count {
            let (chunk, next) = try PNGChunk.read(bytes, at: offset, verifyingCRC: verifyingCRC, file: file)
            offset = next
            let data = bytes[chunk.data]
            if header == nil && chunk.type != "IHDR" {
                throw .corrupt(file: file, reason: "\(chunk.type) chunk comes before IHDR")
            }
            if !dataChunks.isEmpty && chunk.type != "IDAT" { dataEnded = true }
            switch chunk.type {
            case "IHDR":
                guard header == nil else { throw .corrupt(file: file, reason: "IHDR chunk: appears twice") }
                let parsed = try PNGHeader(data, file: file)
                // Capping at Int.max / 16 keeps every later size computation free of overflow.
                let limit = min(maxPixels, Int.max / 16)
                guard parsed.width <= limit / parsed.height else {
                    throw .tooLarge(file: file, width: parsed.width, height: parsed.height, limit: limit)
                }
                header = parsed
            case "PLTE":
                guard palette == nil else { throw .corrupt(file: file, reason: "PLTE chunk: appears twice") }
                guard dataChunks.isEmpty else { throw .corrupt(file: file, reason: "PLTE chunk: comes after IDAT") }
                guard !data.isEmpty, data.count % 3 == 0, data.count <= 256 * 3 else {
                    throw .corrupt(file: file, reason: "PLTE chunk: length \(data.count) is not 3 × 1…256 entries")
                }
                if let header, header.colorType == .grey || header.colorType == .greyAlpha {
                    throw .corrupt(file: file, reason: "PLTE chunk: not allowed in a greyscale image")
                }
                palette = Array(data)
            case "tRNS":
                guard let header, transparency == nil, dataChunks.isEmpty else {
                    throw .corrupt(file: file, reason: "tRNS chunk: repeated or after IDAT")
                }
                transparency = try checkedTransparency(data, header: header, palette: palette, file: file)
            case "IDAT":
                guard !dataEnded else { throw .corrupt(file: file, reason: "IDAT chunks are not consecutive") }
                dataChunks.append(chunk.data)
            case "IEND":
                sawEnd = true
            default:
                if chunk.isCritical {
                    throw .unsupported(file: file, reason: "unknown critical chunk \(chunk.type)")
                }
            }
            if sawEnd { break }
        }
        guard sawEnd else { throw .corrupt(file: file, reason: "truncated: no IEND chunk") }
        guard let header else { throw .corrupt(file: file, reason: "no IHDR chunk") }
        guard !dataChunks.isEmpty else { throw .corrupt(file: file, reason: "no IDAT chunk") }
        if header.colorType == .palette && palette == nil {
            throw .corrupt(file: file, reason: "palette image without a PLTE chunk")
        }
        var compressed: [UInt8] = []
        compressed.reserveCapacity(dataChunks.reduce(0) { $0 + $1.count })
        for range in dataChunks { compressed += bytes[range] }
        return PNGContents(
            header: header, palette: header.colorType == .palette ? palette : nil,
            transparency: transparency, compressedData: compressed)
    }

    /// Checks tRNS against the colour type; returns nil where the chunk does not apply.
    private static func checkedTransparency(
        _ data: ArraySlice<UInt8>, header: PNGHeader, palette: [UInt8]?, file: String
    ) throws(ImagingError) -> [UInt8]? {
        switch header.colorType {
        case .grey, .rgb:
            let expected = header.colorType == .grey ? 2 : 6
            guard data.count == expected else {
                throw .corrupt(file: file, reason: "tRNS chunk: length \(data.count), expected \(expected)")
            }
            return Array(data)
        case .palette:
            guard let palette else { throw .corrupt(file: file, reason: "tRNS chunk: comes before PLTE") }
            guard data.count <= palette.count / 3 else {
                throw .corrupt(
                    file: file, reason: "tRNS chunk: \(data.count) entries for a \(palette.count / 3)-colour palette")
            }
            return Array(data)
        case .greyAlpha, .rgba:
            // An alpha channel already exists; libpng ignores such a chunk too.
            return nil
        }
    }
}
