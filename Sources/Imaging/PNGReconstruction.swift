/// Rebuilds the image from the decompressed, filtered scanlines: undoes the
/// filters pass by pass, places Adam7 pixels, and expands samples.
enum PNGReconstruction {
    /// - Parameters:
    ///   - filtered: Every pass's rows, each a filter-type byte and its bytes; exactly the expected size.
    ///   - keep16Bit: Keep 16-bit samples, or reduce them to 8 bits.
    /// - Throws: ``ImagingError/corrupt(file:reason:)`` for an invalid filter type.
    /// - Complexity: O(pixels).
    static func image(
        from filtered: inout [UInt8], contents: PNGContents, keep16Bit: Bool, file: String
    ) throws(ImagingError) -> Image {
        let header = contents.header
        let expander = PNGRowExpander(
            header: header, palette: contents.palette, transparency: contents.transparency)
        let channels = expander.outputChannels
        let sampleCount = header.width * header.height * channels
        let passes = PNGPass.passes(width: header.width, height: header.height, interlaced: header.isInterlaced)

        if header.bitDepth == 16 && keep16Bit {
            var samples = [UInt16](repeating: 0, count: sampleCount)
            try samples.withUnsafeMutableBufferPointer { (output) throws(ImagingError) in
                guard let base = output.baseAddress else { return }
                try forEachRow(of: &filtered, passes: passes, header: header, file: file) { pass, y, row in
                    let start = ((pass.yStart + y * pass.yStep) * header.width + pass.xStart) * channels
                    expander.expand16(row: row, count: pass.width, into: base + start, pixelStride: pass.xStep)
                }
            }
            return Image(width: header.width, height: header.height, channels: channels, samples: .uint16(samples))
        }

        var samples = [UInt8](repeating: 0, count: sampleCount)
        try samples.withUnsafeMutableBufferPointer { (output) throws(ImagingError) in
            guard let base = output.baseAddress else { return }
            if expander.isIdentity && !header.isInterlaced {
                try unfilterDirectly(filtered, into: base, header: header, file: file)
                return
            }
            try forEachRow(of: &filtered, passes: passes, header: header, file: file) { pass, y, row in
                let start = ((pass.yStart + y * pass.yStep) * header.width + pass.xStart) * channels
                expander.expand8(row: row, count: pass.width, into: base + start, pixelStride: pass.xStep)
            }
        }
        return Image(width: header.width, height: header.height, channels: channels, samples: .uint8(samples))
    }

    /// Unfilters each row in place and hands it to `body` with its pass and row index.
    private static func forEachRow(
        of filtered: inout [UInt8], passes: [PNGPass], header: PNGHeader, file: String,
        _ body: (PNGPass, Int, UnsafePointer<UInt8>) -> Void
    ) throws(ImagingError) {
        let widest = header.rowBytes(pixels: header.width)
        let zeros = [UInt8](repeating: 0, count: widest)
        try zeros.withUnsafeBufferPointer { (zeroRow) throws(ImagingError) in
            try filtered.withUnsafeMutableBufferPointer { (data) throws(ImagingError) in
                guard let zeroBase = zeroRow.baseAddress, let base = data.baseAddress else { return }
                var offset = 0
                for pass in passes where !pass.isEmpty {
                    let rowBytes = header.rowBytes(pixels: pass.width)
                    var prior = zeroBase
                    for y in 0..<pass.height {
                        let row = base + offset + 1
                        guard PNGFilters.unfilter(
                            base[offset], source: row, destination: row, prior: prior,
                            count: rowBytes, stride: header.filterStride)
                        else { throw invalidFilter(base[offset], row: y, file: file) }
                        body(pass, y, row)
                        prior = UnsafePointer(row)
                        offset += rowBytes + 1
                    }
                }
            }
        }
    }

    /// The common case (8-bit grey, grey + alpha, RGB, RGBA; not interlaced; no tRNS):
    /// unfilter straight into the output, one pass over the data.
    private static func unfilterDirectly(
        _ filtered: [UInt8], into output: UnsafeMutablePointer<UInt8>, header: PNGHeader, file: String
    ) throws(ImagingError) {
        let rowBytes = header.rowBytes(pixels: header.width)
        let zeros = [UInt8](repeating: 0, count: rowBytes)
        try zeros.withUnsafeBufferPointer { (zeroRow) throws(ImagingError) in
            try filtered.withUnsafeBufferPointer { (data) throws(ImagingError) in
                guard let zeroBase = zeroRow.baseAddress, let base = data.baseAddress else { return }
                var prior = zeroBase
                for y in 0..<header.height {
                    let source = base + y * (rowBytes + 1)
                    let destination = output + y * rowBytes
                    guard PNGFilters.unfilter(
                        source[0], source: source + 1, destination: destination, prior: prior,
                        count: rowBytes, stride: header.filterStride)
                    else { throw invalidFilter(source[0], row: y, file: file) }
                    prior = UnsafePointer(destination)
                }
            }
        }
    }

    private static func invalidFilter(_ type: UInt8, row: Int, file: String) -> ImagingError {
        .corrupt(file: file, reason: "IDAT data: invalid filter type \(type) on row \(row)")
    }
}
