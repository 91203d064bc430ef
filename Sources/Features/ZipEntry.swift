/// One file in a zip archive, as its central directory describes it.
public struct ZipEntry: Sendable, Hashable {
    /// The stored path, `/`-separated.
    public let name: String
    /// 0 = stored, 8 = deflate; others are rejected when read.
    public let method: Int
    /// The general-purpose flags (bit 0: encrypted).
    public let flags: Int
    /// CRC-32 of the uncompressed bytes.
    public let crc32: UInt32
    public let compressedSize: Int
    public let uncompressedSize: Int
    /// Offset of the entry's local header from the start of the archive.
    public let localHeaderOffset: Int

    /// Whether the name ends in `/` (a folder marker with no data).
    public var isDirectory: Bool { name.hasSuffix("/") }
}
