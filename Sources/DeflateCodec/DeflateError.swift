/// Why a DEFLATE or zlib stream could not be decoded.
///
/// Every case names what was wrong, so a caller can report it without
/// knowing the format; the codec never traps on malformed input.
public enum DeflateError: Error, Sendable, Hashable {
    /// The input ended before the final block did.
    case truncated
    /// A block header used the reserved block type 3.
    case invalidBlockType(Int)
    /// A stored block's LEN and NLEN fields are not each other's complement.
    case storedLengthMismatch(length: Int, complement: Int)
    /// A Huffman code description was invalid (which table, and why).
    case invalidCodeLengths(String)
    /// The data used a code that the current Huffman table does not define.
    case invalidSymbol(String)
    /// A back-reference pointed before the start of the output.
    case distanceTooFar(distance: Int, available: Int)
    /// The output would exceed the caller's maximum (a zip bomb, or a wrong size).
    case outputLimitExceeded(limit: Int)
    /// The two-byte zlib header is malformed.
    case invalidZlibHeader(String)
    /// The zlib stream needs a preset dictionary, which is not supported.
    case presetDictionaryUnsupported
    /// The stored checksum does not match the decoded data.
    case checksumMismatch(expected: UInt32, actual: UInt32)
}

extension DeflateError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .truncated: return "compressed data ends early"
        case .invalidBlockType(let type): return "invalid block type \(type)"
        case let .storedLengthMismatch(length, complement):
            return "stored block length \(length) does not match its complement \(complement)"
        case .invalidCodeLengths(let reason): return "invalid Huffman code: \(reason)"
        case .invalidSymbol(let reason): return "invalid code in compressed data: \(reason)"
        case let .distanceTooFar(distance, available):
            return "back-reference distance \(distance) exceeds the \(available) bytes decoded so far"
        case .outputLimitExceeded(let limit): return "decompressed data exceeds the limit of \(limit) bytes"
        case .invalidZlibHeader(let reason): return "invalid zlib header: \(reason)"
        case .presetDictionaryUnsupported: return "zlib preset dictionaries are not supported"
        case let .checksumMismatch(expected, actual):
            return "checksum mismatch: stored \(hex(expected)), computed \(hex(actual))"
        }
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
    }
}
