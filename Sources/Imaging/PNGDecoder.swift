import DeflateCodec

/// Decodes PNG files: every colour type and bit depth, Adam7 interlacing,
/// palettes and tRNS transparency.
///
/// Integrity is strict: the CRC of every chunk and the Adler-32 of the image
/// data are checked, truncation is detected, and any problem is an
/// ``ImagingError`` naming the chunk, never a crash. Gamma, colour profiles
/// and background colours are ignored; samples come out as stored.
///
/// ```swift
/// let image = try PNGDecoder().decode(bytes, file: "photo.png")
/// ```
public struct PNGDecoder: Sendable, Hashable {
    /// Check chunk CRCs and the zlib Adler-32. Turn off only to salvage files
    /// whose checksums alone are damaged.
    public var verifiesChecksums: Bool

    /// A decoder; checksums are verified unless `verifiesChecksums` is false.
    public init(verifiesChecksums: Bool = true) {
        self.verifiesChecksums = verifiesChecksums
    }

    /// Whether `bytes` start with the PNG signature.
    public static func hasSignature(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 8 && Array(bytes[0..<8]) == PNGChunk.signature
    }

    /// Decodes a whole PNG file held in memory.
    ///
    /// - Parameters:
    ///   - bytes: The file's bytes.
    ///   - file: The name used in errors.
    ///   - options: The pixel limit (checked from IHDR before allocating) and 16-bit handling.
    /// - Returns: 1 (grey), 2 (grey + alpha), 3 (RGB) or 4 (RGBA) channels; palette
    ///   images become RGB, or RGBA with tRNS; grey and RGB images with tRNS gain alpha.
    ///   1/2/4-bit samples are scaled to 8 bits; 16-bit samples are kept, or reduced
    ///   with round(v / 257) when `options.keep16Bit` is false.
    /// - Throws: ``ImagingError``: `.unknownFormat`, `.corrupt`, `.unsupported` or `.tooLarge`.
    /// - Complexity: O(file size + pixels).
    public func decode(
        _ bytes: [UInt8], file: String = "<memory>", options: DecodingOptions = DecodingOptions()
    ) throws(ImagingError) -> Image {
        let contents = try PNGContents.parse(
            bytes, file: file, maxPixels: options.maxPixels, verifyingCRC: verifiesChecksums)
        let header = contents.header
        let passes = PNGPass.passes(width: header.width, height: header.height, interlaced: header.isInterlaced)
        let expectedSize = passes.reduce(0) { $0 + $1.filteredSize(header: header) }
        var filtered: [UInt8]
        do {
            filtered = try Zlib.decompress(
                contents.compressedData, maxOutputSize: expectedSize, sizeHint: expectedSize,
                verifyChecksum: verifiesChecksums)
        } catch .outputLimitExceeded {
            throw .corrupt(file: file, reason: "IDAT data: more image data than the header's \(expectedSize) bytes")
        } catch {
            throw .corrupt(file: file, reason: "IDAT data: \(error)")
        }
        guard filtered.count == expectedSize else {
            throw .corrupt(
                file: file, reason: "IDAT data: \(filtered.count) bytes, the header needs \(expectedSize) (truncated)")
        }
        return try PNGReconstruction.image(
            from: &filtered, contents: contents, keep16Bit: options.keep16Bit, file: file)
    }

    /// Reads and decodes the PNG file at `path`.
    /// - Throws: ``ImagingError/unreadable(file:reason:)`` if the file cannot be read, else as ``decode(_:file:options:)``.
    public func read(path: String, options: DecodingOptions = DecodingOptions()) throws(ImagingError) -> Image {
        try decode(ImageFileIO.read(path: path), file: path, options: options)
    }
}
