// libFuzzer entry point for the PNG decoder. Built by Fuzz/run.sh, not by SwiftPM.
//
// Each input is decoded twice: as is (the CRC and Adler-32 checks reject almost every
// mutation, which is what they are for), and with every chunk's CRC recomputed, so that
// mutated headers, palettes and compressed data reach the decoder behind the checks.
@_cdecl("LLVMFuzzerTestOneInput")
public func pngFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // A small pixel limit keeps huge claimed sizes from being reported as out-of-memory.
    let options = DecodingOptions(maxPixels: 1 << 20)
    _ = try? PNG.decode(bytes, file: "fuzz", options: options)
    var offset = 8
    while offset + 12 <= bytes.count {
        let length = Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
        let end = offset + 8 + length
        guard length >= 0, end + 4 <= bytes.count else { break }
        var crc = CRC32()
        crc.update(bytes[(offset + 4)..<end])
        let value = crc.value
        for k in 0..<4 { bytes[end + k] = UInt8(truncatingIfNeeded: value >> (24 - 8 * k)) }
        offset = end + 4
    }
    _ = try? PNG.decode(bytes, file: "fuzz", options: options)
    return 0
}
