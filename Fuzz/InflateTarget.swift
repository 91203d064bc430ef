// libFuzzer entry point for zlib/DEFLATE decoding. Built by Fuzz/run.sh, not by SwiftPM.
@_cdecl("LLVMFuzzerTestOneInput")
public func inflateFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Both entry points: raw DEFLATE and the zlib wrapper. A bounded output keeps
    // a deflate bomb from being reported as an out-of-memory "crash".
    _ = try? Inflate.decompress(bytes, maxOutputSize: 1 << 24)
    _ = try? Zlib.decompress(bytes, maxOutputSize: 1 << 24)
    return 0
}
