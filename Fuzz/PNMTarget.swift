// libFuzzer entry point for the PNM (P1–P6) decoder. Built by Fuzz/run.sh, not by SwiftPM.
@_cdecl("LLVMFuzzerTestOneInput")
public func pnmFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // A small pixel limit keeps huge claimed sizes from being reported as out-of-memory.
    _ = try? PNMDecoder.decode(bytes, file: "fuzz", options: DecodingOptions(maxPixels: 1 << 22))
    return 0
}
