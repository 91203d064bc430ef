import DeflateCodec

/// Encodes images as PNG: grey, grey + alpha, RGB or RGBA, 8 or 16 bits per
/// sample, never interlaced.
///
/// Each row gets the filter with the smallest sum of absolute residuals (the
/// PNG specification's heuristic), then the rows are DEFLATE-compressed.
///
/// ```swift
/// try PNGEncoder().write(image, to: "out.png")
/// ```
public struct PNGEncoder: Sendable, Hashable {
    /// DEFLATE effort, 0 (stored) … 9 (smallest); 6 is zlib's default.
    public var compressionLevel: Int

    /// An encoder with the given DEFLATE level (clamped to 0…9).
    public init(compressionLevel: Int = 6) {
        self.compressionLevel = min(max(compressionLevel, 0), 9)
    }

    /// The PNG file for `image`.
    ///
    /// - Parameter file: The name used in errors.
    /// - Throws: ``ImagingError/cannotEncode(file:reason:)`` for an empty image or
    ///   one whose samples do not match its size.
    /// - Complexity: O(pixels · DEFLATE level's chain length).
    public func encode(_ image: Image, file: String = "<memory>") throws(ImagingError) -> [UInt8] {
        guard image.width > 0, image.height > 0, image.width <= 0x7FFF_FFFF, image.height <= 0x7FFF_FFFF else {
            throw .cannotEncode(file: file, reason: "PNG needs a width and height of 1 to 2^31 − 1, got \(image.width)×\(image.height)")
        }
        let pixels = image.width.multipliedReportingOverflow(by: image.height)
        let samples = pixels.partialValue.multipliedReportingOverflow(by: image.channels)
        guard (1...4).contains(image.channels), !pixels.overflow, !samples.overflow,
            image.samples.count == samples.partialValue
        else {
            throw .cannotEncode(
                file: file, reason: "\(image.samples.count) samples do not fill \(image.width)×\(image.height)×\(image.channels)")
        }
        let colorType: UInt8 = [0, 4, 2, 6][image.channels - 1]
        var output = PNGChunk.signature
        var header: [UInt8] = []
        PNGBytes.append(UInt32(image.width), to: &header)
        PNGBytes.append(UInt32(image.height), to: &header)
        header += [UInt8(image.bitDepth), colorType, 0, 0, 0]
        Self.appendChunk("IHDR", header, to: &output)
        let compressed = Zlib.compress(filteredRows(image), level: CompressionLevel(compressionLevel))
        // Split the stream like libpng does, so readers with small buffers cope.
        var start = 0
        repeat {
            let end = min(start + (1 << 20), compressed.count)
            Self.appendChunk("IDAT", Array(compressed[start..<end]), to: &output)
            start = end
        } while start < compressed.count
        Self.appendChunk("IEND", [], to: &output)
        return output
    }

    /// Encodes `image` and writes it atomically (a temporary file renamed over `path`).
    /// - Throws: ``ImagingError/cannotEncode(file:reason:)``.
    public func write(_ image: Image, to path: String) throws(ImagingError) {
        try ImageFileIO.writeAtomically(encode(image, file: path), to: path)
    }

    /// The image's rows, big-endian samples, each filtered and prefixed by its filter type.
    private func filteredRows(_ image: Image) -> [UInt8] {
        let rowBytes = image.width * image.channels * image.bitDepth / 8
        var raw: [UInt8]
        switch image.samples {
        case .uint8(let samples):
            raw = samples
        case .uint16(let samples):
            raw = [UInt8](repeating: 0, count: samples.count * 2)
            raw.withUnsafeMutableBufferPointer { bytes in
                for (index, sample) in samples.enumerated() {
                    bytes[index &* 2] = UInt8(truncatingIfNeeded: sample &>> 8)
                    bytes[index &* 2 &+ 1] = UInt8(truncatingIfNeeded: sample)
                }
            }
        }
        var output: [UInt8] = []
        output.reserveCapacity(image.height * (rowBytes + 1))
        let stride = image.channels * image.bitDepth / 8
        let zeros = [UInt8](repeating: 0, count: rowBytes)
        var scratch = [UInt8](repeating: 0, count: rowBytes)
        raw.withUnsafeBufferPointer { rows in
            zeros.withUnsafeBufferPointer { zeroRow in
                scratch.withUnsafeMutableBufferPointer { scratchRow in
                    guard let base = rows.baseAddress, let zeroBase = zeroRow.baseAddress,
                        let scratchBase = scratchRow.baseAddress
                    else { return }
                    for y in 0..<image.height {
                        let row = base + y * rowBytes
                        PNGFilters.filterBest(
                            row: row, prior: y == 0 ? zeroBase : row - rowBytes, count: rowBytes, stride: stride,
                            scratch: scratchBase, output: &output)
                    }
                }
            }
        }
        return output
    }

    private static func appendChunk(_ type: String, _ data: [UInt8], to output: inout [UInt8]) {
        PNGBytes.append(UInt32(data.count), to: &output)
        let typeAndData = Array(type.utf8) + data
        output += typeAndData
        PNGBytes.append(CRC32.checksum(typeAndData), to: &output)
    }
}
