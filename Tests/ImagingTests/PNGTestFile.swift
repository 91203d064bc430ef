import DeflateCodec
import Imaging

/// Builds PNG files chunk by chunk, for tests of malformed and unusual files.
struct PNGTestFile {
    private(set) var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Appends a chunk with a correct CRC.
    mutating func chunk(_ type: String, _ data: [UInt8]) {
        let typeAndData = Array(type.utf8) + data
        bytes += Self.bigEndian(UInt32(data.count)) + typeAndData + Self.bigEndian(CRC32.checksum(typeAndData))
    }

    /// Appends an IHDR chunk.
    mutating func header(width: UInt32, height: UInt32, bitDepth: UInt8, colorType: UInt8, interlaced: Bool = false) {
        chunk("IHDR", Self.bigEndian(width) + Self.bigEndian(height) + [bitDepth, colorType, 0, 0, interlaced ? 1 : 0])
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    /// A complete file: IHDR, optional extra chunks, the zlib-compressed `filtered` rows in IDAT, IEND.
    static func make(
        width: UInt32, height: UInt32, bitDepth: UInt8, colorType: UInt8, filtered: [UInt8],
        before: [(String, [UInt8])] = []
    ) -> [UInt8] {
        var file = PNGTestFile()
        file.header(width: width, height: height, bitDepth: bitDepth, colorType: colorType)
        for (type, data) in before { file.chunk(type, data) }
        file.chunk("IDAT", Zlib.compress(filtered))
        file.chunk("IEND", [])
        return file.bytes
    }
}
