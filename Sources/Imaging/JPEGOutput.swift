/// Turns decoded component planes into the output image: progressive coefficients are
/// inverse-transformed, then each row is upsampled and colour-converted.
extension JPEGDecodingState {
    /// The finished image: grey for one component, RGB otherwise.
    mutating func makeImage() throws(ImagingError) -> Image {
        guard let frame else { throw .corrupt(file: file, reason: "JPEG datastream contains no image") }
        if frame.process == .progressive {
            if let latches = smoothingLatches() {
                transformSmoothed(frame, latches: latches)
            } else {
                transformCoefficients(frame)
            }
        }

        let (space, spaceWarning) = JPEGColorSpace.detect(
            components: frame.components, sawJFIF: sawJFIF, adobeTransform: adobeTransform)
        if let spaceWarning { warn(spaceWarning) }
        var upsamplers: [JPEGUpsampler] = []
        for (i, c) in frame.components.enumerated() {
            guard let method = JPEGUpsampleMethod.choose(for: c, in: frame) else {
                throw .unsupported(file: file, reason: "fractional sampling factors")
            }
            upsamplers.append(JPEGUpsampler(
                method: method, offset: planeOffsets[i], stride: planeStrides[i],
                width: c.downsampledWidth, height: c.downsampledHeight))
        }
        let width = frame.width, height = frame.height
        let channels = space == .grayscale ? 1 : 3
        let converter = JPEGColorConverter()
        let rowCapacity = width + 16
        let planes = samples
        let pixels = [UInt8](unsafeUninitializedCapacity: width * height * channels) { out, initialized in
            planes.withUnsafeBufferPointer { planePointer in
                guard let base = planePointer.baseAddress, let outBase = out.baseAddress else { return }
                let buffers = UnsafeMutablePointer<UInt8>.allocate(capacity: rowCapacity * upsamplers.count)
                defer { buffers.deallocate() }
                buffers.initialize(repeating: 0, count: rowCapacity * upsamplers.count)
                var rows = [UnsafePointer<UInt8>](repeating: UnsafePointer(buffers), count: upsamplers.count)
                for y in 0..<height {
                    for (i, u) in upsamplers.enumerated() {
                        rows[i] = u.row(y, planes: base, buffer: buffers + i * rowCapacity, outputWidth: width)
                    }
                    converter.convert(space, rows: rows, width: width, into: outBase + y * width * channels)
                }
            }
            initialized = width * height * channels
        }
        return Image(width: width, height: height, channels: channels, pixels: pixels)
    }

    /// Inverse-transforms every block of every component that holds image samples.
    private mutating func transformCoefficients(_ frame: JPEGFrame) {
        withBlockBuffers { buffers in
            for (i, c) in frame.components.enumerated() {
                let blocks = buffers.coefficients + buffers.coefficientOffsets[i]
                for by in 0..<c.heightInBlocks {
                    for bx in 0..<c.widthInBlocks {
                        buffers.transform(blocks + (by * c.blocksPerLine + bx) * 64, component: i, row: by, column: bx)
                    }
                }
            }
        }
    }
}
