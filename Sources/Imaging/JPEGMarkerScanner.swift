/// Byte access past the end of the file and marker search, both as libjpeg's stdio source does them.
enum JPEGMarkerScanner {
    /// The byte at `position`. Past the end of the data libjpeg's source manager supplies a fake
    /// EOI marker on every refill, so the file reads as if followed by `FF D9 FF D9 …`.
    @inline(__always)
    static func byte(_ data: UnsafeBufferPointer<UInt8>, _ position: Int) -> UInt8 {
        if position < data.count { return data[position] }
        return (position - data.count) & 1 == 0 ? 0xFF : 0xD9
    }

    /// Skips to the next marker after `position` the way libjpeg's `next_marker` does: non-FF
    /// bytes and `FF 00` pairs count as discarded, fill FFs are swallowed. Returns the marker
    /// code with `position` just after it. Always finds one: past the end there is a fake EOI.
    static func next(in data: UnsafeBufferPointer<UInt8>, position: inout Int) -> (marker: UInt8, discarded: Int) {
        var discarded = 0
        // Every pass advances `position`; past the end a marker comes within two bytes.
        while true {
            let b = byte(data, position)
            position += 1
            if b != 0xFF {
                discarded += 1
                continue
            }
            var code: UInt8 = 0xFF
            while code == 0xFF {
                code = byte(data, position)
                position += 1
            }
            if code != 0 { return (code, discarded) }
            discarded += 2
        }
    }

    /// libjpeg's warning for data skipped before a marker.
    static func extraneousWarning(_ count: Int, marker: UInt8) -> String {
        "Corrupt JPEG data: \(count) extraneous bytes before marker 0x\(hex(marker))"
    }

    static func hex(_ v: UInt8) -> String {
        let s = String(v, radix: 16)
        return s.count < 2 ? "0" + s : s
    }
}
