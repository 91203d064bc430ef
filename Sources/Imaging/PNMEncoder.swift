/// Encodes images as Netpbm greymaps (P2/P5) or pixmaps (P3/P6).
///
/// 8-bit images get maxval 255 and 16-bit ones maxval 65535 (raw samples
/// big-endian). PNM has no alpha channel, so images with alpha are refused:
/// call `removingAlpha()` or `flatteningAlpha(onto:)` first.
public enum PNMEncoder {
    /// Encodes `image`; grey gives P5 (P2 when `plain`), RGB gives P6 (P3).
    /// - Parameters:
    ///   - image: a grey or RGB image.
    ///   - plain: write ASCII samples (P2/P3) instead of binary (P5/P6).
    ///   - file: the name used in error messages.
    /// - Throws: `.cannotEncode` for images with alpha.
    /// - Complexity: O(width × height × channels).
    public static func encode(_ image: Image, plain: Bool = false, file: String = "<memory>") throws(ImagingError) -> [UInt8] {
        guard !image.hasAlpha else {
            throw .cannotEncode(file: file, reason: "PNM has no alpha channel; drop or flatten alpha first")
        }
        let format: PNMFormat = image.channels == 1 ? (plain ? .plainGreymap : .rawGreymap) : (plain ? .plainPixmap : .rawPixmap)
        let maxValue = image.bitDepth == 8 ? 255 : 65535
        var out = Array("\(format.magic)\n\(image.width) \(image.height)\n\(maxValue)\n".utf8)
        switch (image.samples, plain) {
        case (.uint8(let s), false):
            out += s
        case (.uint16(let s), false):
            out.reserveCapacity(out.count + 2 * s.count)
            for v in s {
                out.append(UInt8(v >> 8))
                out.append(UInt8(v & 0xFF))
            }
        case (.uint8(let s), true):
            appendPlain(s.lazy.map(Int.init), valuesPerLine: image.width * image.channels, to: &out)
        case (.uint16(let s), true):
            appendPlain(s.lazy.map(Int.init), valuesPerLine: image.width * image.channels, to: &out)
        }
        return out
    }

    /// Decimal samples, one image row per line split so no line exceeds 70 characters (the Netpbm limit).
    private static func appendPlain(_ values: some Collection<Int>, valuesPerLine: Int, to out: inout [UInt8]) {
        var lineLength = 0
        var inRow = 0
        for v in values {
            let digits = Array(String(v).utf8)
            if lineLength > 0 && lineLength + 1 + digits.count > 70 {
                out.append(0x0A)
                lineLength = 0
            } else if lineLength > 0 {
                out.append(0x20)
                lineLength += 1
            }
            out += digits
            lineLength += digits.count
            inRow += 1
            if inRow == valuesPerLine {
                out.append(0x0A)
                lineLength = 0
                inRow = 0
            }
        }
    }
}
