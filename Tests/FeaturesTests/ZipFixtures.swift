import DeflateCodec

/// Writes a zip archive: local headers, data, central directory, end record.
func zipArchive(_ entries: [(name: String, data: [UInt8], deflate: Bool)], comment: String = "") -> [UInt8] {
    var out: [UInt8] = []
    var central: [UInt8] = []
    for e in entries {
        let name = Array(e.name.utf8)
        let stored = e.deflate ? Deflate.compress(e.data) : e.data
        let crc = CRC32.checksum(e.data)
        let method: UInt64 = e.deflate ? 8 : 0
        let offset = out.count
        out += le(0x0403_4B50, 4) + le(20, 2) + le(0, 2) + le(method, 2) + le(0, 4) + le(UInt64(crc), 4)
            + le(UInt64(stored.count), 4) + le(UInt64(e.data.count), 4) + le(UInt64(name.count), 2) + le(0, 2) + name + stored
        central += le(0x0201_4B50, 4) + le(20, 2) + le(20, 2) + le(0, 2) + le(method, 2) + le(0, 4) + le(UInt64(crc), 4)
            + le(UInt64(stored.count), 4) + le(UInt64(e.data.count), 4) + le(UInt64(name.count), 2) + le(0, 2) + le(0, 2)
            + le(0, 2) + le(0, 2) + le(0, 4) + le(UInt64(offset), 4) + name
    }
    let cdOffset = out.count
    out += central
    let c = Array(comment.utf8)
    out += le(0x0605_4B50, 4) + le(0, 2) + le(0, 2) + le(UInt64(entries.count), 2) + le(UInt64(entries.count), 2)
        + le(UInt64(central.count), 4) + le(UInt64(cdOffset), 4) + le(UInt64(c.count), 2) + c
    return out
}
