import Foundation

/// Decodes JPEG files to 8-bit grey or RGB images, matching libjpeg-turbo 2.1.5's default `djpeg`
/// output: accurate integer IDCT, fancy chroma upsampling, libjpeg's colour conversions.
///
/// Supports baseline, extended sequential and progressive Huffman coding, restart markers,
/// sampling factors 1–4, grey, YCbCr, RGB, CMYK and YCCK. Damaged data decodes with warnings
/// where libjpeg would carry on; arithmetic coding, lossless, hierarchical and 12-bit files
/// throw ``ImagingError/unsupported(file:reason:)``.
public enum JPEGDecoder {
    /// Decodes JPEG bytes; recoverable damage is reported in ``DecodedImage/warnings``.
    public static func decode(_ bytes: [UInt8], file: String, options: DecodingOptions = DecodingOptions()) throws(ImagingError) -> DecodedImage {
        guard bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xD8 else {
            let start = bytes.prefix(2).map { "0x" + JPEGMarkerScanner.hex($0) }.joined(separator: " ")
            throw .corrupt(file: file, reason: "not a JPEG file: starts with \(start)")
        }
        var state = JPEGDecodingState(bytes: bytes, file: file, options: options)
        guard var scan = try state.readMarkers() else {
            throw .corrupt(file: file, reason: "JPEG datastream contains no image")
        }
        try state.startImage(firstScan: scan)
        // Each scan consumes at least its header, so this ends within the data.
        while true {
            if state.frame?.process == .progressive {
                try state.decodeProgressiveScan(scan)
            } else {
                try state.decodeSequentialScan(scan)
            }
            if state.hasMultipleScans {
                guard let next = try state.readMarkers() else { break }
                guard state.scansDecoded < JPEGLimits.scans else {
                    state.warn("more than \(JPEGLimits.scans) scans; the rest are ignored")
                    break
                }
                scan = next
            } else {
                // The image is complete; libjpeg would still read to EOI, so report what follows.
                do {
                    if try state.readMarkers() != nil {
                        state.warn("extra scan after the end of a single-scan image ignored")
                    }
                } catch {
                    state.warn("after the image: \(error)")
                }
                break
            }
        }
        let image = try state.makeImage()
        return DecodedImage(image: image, warnings: state.warnings)
    }

    /// Reads and decodes a JPEG file.
    public static func decode(path: String, options: DecodingOptions = DecodingOptions()) throws(ImagingError) -> DecodedImage {
        try decode(ImageFileIO.read(path: path), file: path, options: options)
    }
}
