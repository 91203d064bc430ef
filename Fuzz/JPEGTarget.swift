// libFuzzer entry point for the JPEG decoder. Built by Fuzz/run.sh, not by SwiftPM.
@_cdecl("LLVMFuzzerTestOneInput")
public func jpegFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // 256×256 at most: a few bytes can claim a huge frame, and decoding its empty scans
    // would spend the run on memset instead of on the parser; the limit check itself is covered.
    _ = try? JPEGDecoder.decode(bytes, file: "fuzz", options: DecodingOptions(maxPixels: 1 << 16))
    return 0
}
