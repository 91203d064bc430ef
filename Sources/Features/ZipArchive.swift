import DeflateCodec

/// A read-only zip archive held in memory: stored and deflate entries, CRC-checked.
///
/// Reads the central directory (the authoritative list) and, per entry, the
/// local header that precedes its data. Zip64, multi-disk and encrypted
/// archives are rejected with a clear error rather than misread. Every offset
/// and size is checked against the buffer, and inflation is capped at the
/// declared size, so no input can trap or exhaust memory.
public struct ZipArchive: Sendable {
    /// The file name used in error messages.
    public let source: String
    /// The entries in central-directory order.
    public let entries: [ZipEntry]
    private let bytes: [UInt8]
    /// No entry may declare more than this many uncompressed bytes.
    public let maxEntrySize: Int

    static let localSignature = 0x0403_4B50
    static let centralSignature = 0x0201_4B50
    static let endSignature = 0x0605_4B50
    static let zip64LocatorSignature = 0x0706_4B50

    /// Whether `bytes` starts like a zip archive (a local header or an empty archive's end record).
    /// - Complexity: O(1).
    public static func looksLikeZip(_ bytes: [UInt8]) -> Bool {
        var c = ByteCursor(bytes)
        guard let signature = c.u32() else { return false }
        return signature == localSignature || signature == endSignature
    }

    /// Parses the central directory of `bytes`.
    /// - Parameters:
    ///   - bytes: the whole archive.
    ///   - source: the file name for messages.
    ///   - maxEntrySize: the largest uncompressed entry accepted (1 GiB by default).
    /// - Throws: ``FeaturesError/badZip(source:reason:)``.
    /// - Complexity: O(size of the central directory + 64 KiB).
    public init(bytes: [UInt8], source: String, maxEntrySize: Int = 1 << 30) throws(FeaturesError) {
        self.source = source
        self.bytes = bytes
        self.maxEntrySize = maxEntrySize
        let end = try Self.findEndRecord(bytes, source: source)
        var c = ByteCursor(bytes, offset: end + 4)
        guard let disk = c.u16(), let cdDisk = c.u16(), let onDisk = c.u16(), let total = c.u16(),
              let cdSize = c.u32(), let cdOffset = c.u32(), c.u16() != nil
        else { throw .badZip(source: source, reason: "truncated end-of-central-directory record") }
        if total == 0xFFFF || cdSize == 0xFFFF_FFFF || cdOffset == 0xFFFF_FFFF
            || (end >= 20 && ByteCursor(bytes, offset: end - 20).peekSignature == Self.zip64LocatorSignature) {
            throw .badZip(source: source, reason: "zip64 archives are not supported")
        }
        guard disk == 0, cdDisk == 0, onDisk == total else {
            throw .badZip(source: source, reason: "multi-disk archives are not supported")
        }
        guard cdOffset <= end, cdSize <= end - cdOffset else {
            throw .badZip(source: source, reason: "central directory lies outside the file")
        }
        var entries: [ZipEntry] = []
        entries.reserveCapacity(total)
        var d = ByteCursor(bytes, offset: cdOffset, end: cdOffset + cdSize)
        for index in 0..<total {
            entries.append(try Self.centralEntry(&d, index: index, source: source))
        }
        self.entries = entries
    }

    /// The entry stored under exactly `name`, if any.
    /// - Complexity: O(entries).
    public func entry(named name: String) -> ZipEntry? { entries.first { $0.name == name } }

    /// The uncompressed bytes of `entry`, CRC-checked.
    /// - Throws: ``FeaturesError/badZip(source:reason:)`` for a damaged entry, an
    ///   unsupported method, encryption or a size over ``maxEntrySize``.
    /// - Complexity: O(compressed + uncompressed size).
    public func contents(of entry: ZipEntry) throws(FeaturesError) -> [UInt8] {
        let what = "entry `\(entry.name)`"
        guard entry.flags & 1 == 0 else { throw .badZip(source: source, reason: "\(what) is encrypted") }
        guard entry.uncompressedSize <= maxEntrySize else {
            throw .badZip(source: source, reason: "\(what) declares \(entry.uncompressedSize) bytes, over the \(maxEntrySize)-byte limit")
        }
        var local = ByteCursor(bytes, offset: entry.localHeaderOffset)
        guard local.u32() == Self.localSignature, local.take(22) != nil,
              let nameLength = local.u16(), let extraLength = local.u16(),
              local.take(nameLength) != nil, local.take(extraLength) != nil
        else { throw .badZip(source: source, reason: "\(what) has no valid local header at byte \(entry.localHeaderOffset)") }
        guard let stored = local.take(entry.compressedSize) else {
            throw .badZip(source: source, reason: "\(what) runs past the end of the file")
        }
        let data: [UInt8]
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else {
                throw .badZip(source: source, reason: "\(what) is stored but its two sizes differ")
            }
            data = Array(stored)
        case 8:
            do {
                data = try Inflate.decompress(Array(stored), maxOutputSize: entry.uncompressedSize,
                                              sizeHint: entry.uncompressedSize)
            } catch {
                throw .badZip(source: source, reason: "\(what) does not inflate: \(error)")
            }
        default:
            throw .badZip(source: source, reason: "\(what) uses compression method \(entry.method); only stored (0) and deflate (8) are supported")
        }
        guard data.count == entry.uncompressedSize else {
            throw .badZip(source: source, reason: "\(what) has \(data.count) bytes, the directory says \(entry.uncompressedSize)")
        }
        guard CRC32.checksum(data) == entry.crc32 else {
            throw .badZip(source: source, reason: "\(what) fails its CRC-32 check")
        }
        return data
    }

    /// The uncompressed bytes of the entry named `name`.
    /// - Throws: ``FeaturesError/badZip(source:reason:)`` when there is no such entry or it is damaged.
    /// - Complexity: O(entries + compressed + uncompressed size).
    public func contents(ofEntryNamed name: String) throws(FeaturesError) -> [UInt8] {
        guard let e = entry(named: name) else { throw .badZip(source: source, reason: "no entry `\(name)`") }
        return try contents(of: e)
    }

    /// Finds the end-of-central-directory record, scanning back over a possible archive comment.
    private static func findEndRecord(_ bytes: [UInt8], source: String) throws(FeaturesError) -> Int {
        guard bytes.count >= 22 else { throw .badZip(source: source, reason: "file is \(bytes.count) bytes, too short for a zip archive") }
        let last = bytes.count - 22
        let first = max(0, last - 0xFFFF)
        var i = last
        while i >= first {
            if bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x05 && bytes[i + 3] == 0x06 {
                // The comment length must reach exactly to the end, which rules out stray signatures in data.
                let commentLength = Int(bytes[i + 20]) | Int(bytes[i + 21]) << 8
                if i + 22 + commentLength == bytes.count { return i }
            }
            i -= 1
        }
        throw .badZip(source: source, reason: "no end-of-central-directory record")
    }

    private static func centralEntry(_ d: inout ByteCursor, index: Int, source: String) throws(FeaturesError) -> ZipEntry {
        guard d.u32() == centralSignature else {
            throw .badZip(source: source, reason: "central directory entry \(index) has a bad signature")
        }
        guard d.take(4) != nil, let flags = d.u16(), let method = d.u16(), d.take(4) != nil,
              let crc = d.u32(), let compressed = d.u32(), let uncompressed = d.u32(),
              let nameLength = d.u16(), let extraLength = d.u16(), let commentLength = d.u16(),
              d.take(8) != nil, let offset = d.u32(),
              let nameBytes = d.take(nameLength), d.take(extraLength) != nil, d.take(commentLength) != nil
        else { throw .badZip(source: source, reason: "central directory entry \(index) is truncated") }
        if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            throw .badZip(source: source, reason: "zip64 archives are not supported")
        }
        return ZipEntry(name: String(decoding: nameBytes, as: UTF8.self), method: method, flags: flags,
                        crc32: UInt32(crc), compressedSize: compressed, uncompressedSize: uncompressed,
                        localHeaderOffset: offset)
    }
}

extension ByteCursor {
    /// The next four bytes as a signature, without consuming them.
    var peekSignature: Int? {
        var copy = self
        return copy.u32()
    }
}
