// libFuzzer entry point for the JPEG decoder. Built by Fuzz/run.sh, not by SwiftPM.
@_cdecl("LLVMFuzzerTestOneInput")
public func jpegFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? JPEGDecoder.decode(bytes, file: "fuzz", options: DecodingOptions(maxPixels: 1 << 22))
    return 0
}
