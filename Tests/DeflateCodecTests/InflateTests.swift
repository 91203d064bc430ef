import Testing
import DeflateCodec

/// Inflate on hand-made and zlib-made streams of each block type, and the typed errors.
struct InflateTests {
    @Test func storedBlock() throws {
        // BFINAL 1, BTYPE 00, LEN 5, NLEN ~5, "hello".
        let stream: [UInt8] = [0x01, 0x05, 0x00, 0xFA, 0xFF] + Array("hello".utf8)
        #expect(try Inflate.decompress(stream) == Array("hello".utf8))
    }

    @Test func emptyStoredBlockThenFixedBlock() throws {
        // A non-final empty stored block, then a final fixed block holding "abc" (zlib's output).
        let stream: [UInt8] = [0x00, 0x00, 0x00, 0xFF, 0xFF, 0x4B, 0x4C, 0x4A, 0x06, 0x00]
        #expect(try Inflate.decompress(stream) == Array("abc".utf8))
    }

    @Test func fixedBlockWithOverlappingMatch() throws {
        // Fixed block: literal 'a', then length 9 at distance 1 → ten 'a's. Built bit by bit.
        var bits = BitString()
        bits.append(1, count: 1)  // BFINAL
        bits.append(1, count: 2)  // BTYPE 01
        bits.appendCode(0x30 + 0x61, length: 8)  // 'a' = 0x30 + 97, 8-bit code
        bits.appendCode(263 - 256, length: 7)  // length symbol 263 = 9, 7-bit code
        bits.appendCode(0, length: 5)  // distance symbol 0 = 1
        bits.appendCode(0, length: 7)  // end of block
        #expect(try Inflate.decompress(bits.bytes) == [UInt8](repeating: 0x61, count: 10))
    }

    @Test func handMadeDynamicBlock() throws {
        // Literal/length code: 'a', 'b', end-of-block and length 3 (symbol 257), all 2 bits;
        // distance code: symbol 0 (distance 1) alone, 1 bit; code-length code: 18 → "0", 1 → "10", 2 → "11".
        var bits = BitString()
        bits.append(1, count: 1)  // BFINAL
        bits.append(2, count: 2)  // BTYPE 10
        bits.append(1, count: 5)  // HLIT: 258 codes
        bits.append(0, count: 5)  // HDIST: 1 code
        bits.append(14, count: 4)  // HCLEN: 18 code-length code lengths
        // In the order 16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1.
        for length in [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2] { bits.append(length, count: 3) }
        bits.appendCode(0, length: 1)
        bits.append(97 - 11, count: 7)  // 97 zeros (symbols 0…96)
        bits.appendCode(0b11, length: 2)  // 'a': 2
        bits.appendCode(0b11, length: 2)  // 'b': 2
        bits.appendCode(0, length: 1)
        bits.append(138 - 11, count: 7)  // 138 zeros
        bits.appendCode(0, length: 1)
        bits.append(19 - 11, count: 7)  // 19 more zeros (up to 255)
        bits.appendCode(0b11, length: 2)  // 256: 2
        bits.appendCode(0b11, length: 2)  // 257: 2
        bits.appendCode(0b10, length: 2)  // distance 0: 1
        // Data: 'a' 00, 'b' 01, length 3 (11) at distance 1 (0), end of block (10).
        bits.appendCode(0b00, length: 2)
        bits.appendCode(0b01, length: 2)
        bits.appendCode(0b11, length: 2)
        bits.appendCode(0, length: 1)
        bits.appendCode(0b10, length: 2)
        #expect(try Inflate.decompress(bits.bytes) == Array("abbbb".utf8))
    }

    @Test func dynamicBlock() throws {
        // zlib level 9 output for the text below: one dynamic-Huffman block.
        let stream: [UInt8] = [
            0xB5, 0x8C, 0xB1, 0x11, 0x80, 0x30, 0x0C, 0x03, 0x57, 0xD1, 0x1E, 0x2C, 0x90, 0x35, 0x0C, 0x71,
            0x42, 0xEE, 0x12, 0xFB, 0xB0, 0x93, 0x82, 0xED, 0x81, 0x02, 0x6A, 0x28, 0xF8, 0x52, 0x7A, 0x29,
            0x8C, 0x94, 0x1A, 0x09, 0x16, 0x8D, 0x45, 0x32, 0xC8, 0xBD, 0x64, 0x71, 0xF8, 0xAA, 0xD6, 0xAF,
            0x90, 0x1D, 0x5D, 0x91, 0x8C, 0xB7, 0xC1, 0xD2, 0xE1, 0x7B, 0x9B, 0xB5, 0x3A, 0x48, 0x22, 0xAA,
            0x9E, 0x83, 0x47, 0x31, 0x32, 0xBE, 0xEB, 0x09, 0xE1, 0x9F, 0x5B, 0x7A, 0x09, 0x7F, 0xE7, 0x00,
        ]
        #expect(stream[0] >> 1 & 3 == 2)
        let sentence = "Huffman coding assigns short codes to frequent symbols and long codes to rare symbols; "
        let text = sentence + sentence + String(repeating: "a", count: 40) + String(repeating: "e", count: 51)
        #expect(try Inflate.decompress(stream) == Array(text.utf8))
    }

    @Test func zlibStreamAndChecksum() throws {
        // zlib.compress(b"hello hello hello")
        let stream: [UInt8] = [0x78, 0x9C, 0xCB, 0x48, 0xCD, 0xC9, 0xC9, 0x57, 0xC8, 0x40, 0x90, 0x00, 0x3A, 0x2E, 0x06, 0x7D]
        #expect(try Zlib.decompress(stream) == Array("hello hello hello".utf8))
        var damaged = stream
        damaged[damaged.count - 1] ^= 0x01
        #expect(throws: DeflateError.checksumMismatch(expected: 0x3A2E_067C, actual: 0x3A2E_067D)) {
            try Zlib.decompress(damaged)
        }
        #expect(try Zlib.decompress(damaged, verifyChecksum: false) == Array("hello hello hello".utf8))
    }

    @Test func typedErrors() {
        #expect(throws: DeflateError.truncated) { try Inflate.decompress([]) }
        #expect(throws: DeflateError.invalidBlockType(3)) { try Inflate.decompress([0x07, 0x00]) }
        #expect(throws: DeflateError.storedLengthMismatch(length: 5, complement: 0)) {
            try Inflate.decompress([0x01, 0x05, 0x00, 0x00, 0x00] + Array("hello".utf8))
        }
        #expect(throws: DeflateError.truncated) { try Inflate.decompress([0x01, 0x05, 0x00, 0xFA, 0xFF, 0x68]) }
        // Fixed block starting with a match: nothing to copy from.
        var bits = BitString()
        bits.append(1, count: 1)
        bits.append(1, count: 2)
        bits.appendCode(257 - 256, length: 7)
        bits.appendCode(0, length: 5)
        #expect(throws: DeflateError.distanceTooFar(distance: 1, available: 0)) { try Inflate.decompress(bits.bytes) }
        // Fixed distance symbol 30 is reserved.
        var reserved = BitString()
        reserved.append(1, count: 1)
        reserved.append(1, count: 2)
        reserved.appendCode(0x30 + 0x61, length: 8)
        reserved.appendCode(1, length: 7)
        reserved.appendCode(30, length: 5)
        #expect(throws: DeflateError.invalidSymbol("distance code not in the table")) {
            try Inflate.decompress(reserved.bytes)
        }
        // Dynamic block whose code-length code is over-subscribed (every length 1).
        var dynamic = BitString()
        dynamic.append(1, count: 1)
        dynamic.append(2, count: 2)
        dynamic.append(0, count: 5)
        dynamic.append(0, count: 5)
        dynamic.append(15, count: 4)
        for _ in 0..<19 { dynamic.append(1, count: 3) }
        #expect(throws: DeflateError.invalidCodeLengths("code-length code is over-subscribed")) {
            try Inflate.decompress(dynamic.bytes)
        }
    }

    @Test func zlibHeaderErrors() {
        #expect(throws: DeflateError.truncated) { try Zlib.decompress([0x78]) }
        #expect(throws: DeflateError.invalidZlibHeader("compression method 7, expected 8 (deflate)")) {
            try Zlib.decompress([0x77, 0x00, 0x03, 0x00])
        }
        #expect(throws: DeflateError.invalidZlibHeader("header check bits are wrong")) {
            try Zlib.decompress([0x78, 0x9D, 0x03, 0x00])
        }
        #expect(throws: DeflateError.presetDictionaryUnsupported) { try Zlib.decompress([0x78, 0xBB, 0x03, 0x00]) }
        // A complete deflate body but no Adler-32 trailer.
        #expect(throws: DeflateError.truncated) { try Zlib.decompress([0x78, 0x9C, 0x03, 0x00, 0x00, 0x00]) }
    }

    @Test func outputLimitStopsZipBombs() throws {
        let zeros = [UInt8](repeating: 0, count: 1 << 20)
        let packed = Zlib.compress(zeros, level: .best)
        #expect(packed.count < 2000)
        #expect(throws: DeflateError.outputLimitExceeded(limit: 1000)) {
            try Zlib.decompress(packed, maxOutputSize: 1000)
        }
        #expect(try Zlib.decompress(packed, maxOutputSize: zeros.count) == zeros)
        // A stored block is limited too.
        let stored: [UInt8] = [0x01, 0x05, 0x00, 0xFA, 0xFF] + Array("hello".utf8)
        #expect(throws: DeflateError.outputLimitExceeded(limit: 4)) { try Inflate.decompress(stored, maxOutputSize: 4) }
    }

    @Test func errorsDescribeThemselves() {
        #expect(DeflateError.checksumMismatch(expected: 1, actual: 0xABCDEF).description
            == "checksum mismatch: stored 0x00000001, computed 0x00ABCDEF")
        #expect(DeflateError.truncated.description == "compressed data ends early")
    }
}

/// Builds DEFLATE bit streams by hand for tests.
struct BitString {
    private var bits: [UInt8] = []

    /// Appends `count` bits of `value`, least significant first (header fields, extra bits).
    mutating func append(_ value: Int, count: Int) {
        for index in 0..<count { bits.append(UInt8(value >> index & 1)) }
    }

    /// Appends a Huffman code, most significant bit first.
    mutating func appendCode(_ code: Int, length: Int) {
        for index in stride(from: length - 1, through: 0, by: -1) { bits.append(UInt8(code >> index & 1)) }
    }

    var bytes: [UInt8] {
        var result = [UInt8](repeating: 0, count: (bits.count + 7) / 8)
        for (index, bit) in bits.enumerated() { result[index / 8] |= bit << (index % 8) }
        return result
    }
}
