import DeflateCodec

/// One chunk of a PNG file: its four-letter type and the location of its data.
struct PNGChunk: Sendable, Hashable {
    /// The type code as text, such as "IHDR".
    let type: String
    /// Where the data lies in the file's bytes.
    let data: Range<Int>

    /// Whether a decoder must understand the chunk to show the image (first letter upper case).
    var isCritical: Bool { type.utf8.first.map { $0 & 0x20 == 0 } ?? true }

    /// The file's 8-byte signature.
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Reads the chunk starting at `offset`, checking its bounds and, if asked, its CRC.
    ///
    /// - Returns: The chunk and the offset of the next one.
    /// - Throws: ``ImagingError/corrupt(file:reason:)`` naming the chunk when it is
    ///   truncated, has a malformed type or a wrong CRC.
    static func read(
        _ bytes: [UInt8], at offset: Int, verifyingCRC: Bool, file: String
    ) throws(ImagingError) -> (chunk: PNGChunk, next: Int) {
        guard offset + 8 <= bytes.count else {
            throw .corrupt(file: file, reason: "truncated: the file ends inside a chunk header at byte \(offset)")
        }
        let length = Int(PNGBytes.uint32(bytes, at: offset))
        let typeBytes = bytes[(offset + 4)..<(offset + 8)]
        guard typeBytes.allSatisfy({ (0x41...0x5A).contains($0 & ~0x20) }) else {
            throw .corrupt(file: file, reason: "chunk at byte \(offset) has an invalid type code")
        }
        let type = String(decoding: typeBytes, as: UTF8.self)
        guard length <= 0x7FFF_FFFF else {
            throw .corrupt(file: file, reason: "\(type) chunk: length \(length) exceeds 2^31 − 1")
        }
        let dataStart = offset + 8
        guard dataStart + length + 4 <= bytes.count else {
            throw .corrupt(file: file, reason: "truncated: \(type) chunk needs \(length) bytes, the file ends first")
        }
        if verifyingCRC {
            let stored = PNGBytes.uint32(bytes, at: dataStart + length)
            let computed = CRC32.checksum(bytes[(offset + 4)..<(dataStart + length)])
            guard stored == computed else {
                throw .corrupt(
                    file: file,
                    reason: "\(type) chunk: CRC mismatch (stored \(hex(stored)), computed \(hex(computed)))")
            }
        }
        return (PNGChunk(type: type, data: dataStart..<(dataStart + length)), dataStart + length + 4)
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
    }
}
