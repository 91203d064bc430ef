import Testing
import DeflateCodec
import Randomness

/// Deflate → inflate round trips over sizes from 0 bytes to 1 MB and every level.
struct DeflateRoundTripTests {
    static let sizes = [0, 1, 2, 3, 4, 257, 258, 259, 1000, 32_767, 32_768, 32_769, 65_535, 65_536, 100_000, 1 << 20]

    @Test(arguments: sizes)
    func randomBytes(size: Int) throws {
        var generator = SeededGenerator(seed: UInt64(size) &+ 1)
        let data = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
        try checkRoundTrip(data, levels: [0, 1, 6, 9])
        // Incompressible data must fall back to stored blocks: 5 bytes of overhead per 16383-token block.
        #expect(Deflate.compress(data).count <= size + 5 * (size / 16_383 + 1) + 8)
    }

    @Test(arguments: sizes)
    func repetitiveBytes(size: Int) throws {
        var generator = SeededGenerator(seed: UInt64(size) &+ 99)
        // A small alphabet with repeated phrases: long matches, skewed literals.
        let phrases: [[UInt8]] = (0..<12).map { _ in
            (0..<Int.random(in: 3...40, using: &generator)).map { _ in UInt8.random(in: 97...104, using: &generator) }
        }
        var data: [UInt8] = []
        while data.count < size {
            if Bool.random(using: &generator) { data += phrases[Int.random(in: 0..<12, using: &generator)] }
            else { data.append(UInt8.random(in: 0...255, using: &generator)) }
        }
        data = Array(data.prefix(size))
        try checkRoundTrip(data, levels: [1, 2, 3, 4, 5, 6, 7, 8, 9])
        if size >= 100_000 { #expect(Deflate.compress(data).count < size / 2) }
    }

    @Test func skewedBytesUseLongCodes() throws {
        // Geometric byte frequencies: literal codes up to 15 bits, so the decoder's subtables are exercised.
        var generator = SeededGenerator(seed: 5)
        let data = (0..<200_000).map { _ -> UInt8 in
            var byte: UInt8 = 0
            while byte < 255 && Bool.random(using: &generator) { byte += 1 }
            return byte &* 37
        }
        try checkRoundTrip(data, levels: [1, 6])
    }

    @Test func runsAndPeriodicPatterns() throws {
        // Distances 1…8 exercise every short overlapping-copy path; 258 the longest match.
        for period in 1...9 {
            let data = (0..<5000).map { UInt8($0 % period) }
            try checkRoundTrip(data, levels: [1, 6, 9])
        }
        let zeros = [UInt8](repeating: 0, count: 1 << 20)
        try checkRoundTrip(zeros, levels: [1, 9])
        #expect(Deflate.compress(zeros, level: .best).count < 1100)
    }

    @Test func levelsTradeSizeForEffort() {
        var generator = SeededGenerator(seed: 3)
        let words = (0..<300).map { _ in
            (0..<Int.random(in: 2...9, using: &generator)).map { _ in UInt8.random(in: 97...122, using: &generator) }
        }
        var text: [UInt8] = []
        for _ in 0..<40_000 { text += words[Int.random(in: 0..<300, using: &generator)] + [0x20] }
        let stored = Deflate.compress(text, level: .none).count
        let fastest = Deflate.compress(text, level: .fastest).count
        let best = Deflate.compress(text, level: .best).count
        #expect(stored > text.count)
        #expect(fastest < stored / 2)
        #expect(best <= fastest)
        #expect(CompressionLevel(42) == .best)
        #expect(CompressionLevel(-1) == CompressionLevel.none)
    }

    @Test func zlibRoundTripHasValidHeader() throws {
        for level in 0...9 {
            let data = Array("zlib header check for level \(level)".utf8)
            let packed = Zlib.compress(data, level: CompressionLevel(level))
            #expect((UInt16(packed[0]) << 8 | UInt16(packed[1])) % 31 == 0)
            #expect(try Zlib.decompress(packed) == data)
        }
    }

    private func checkRoundTrip(_ data: [UInt8], levels: [Int]) throws {
        for level in levels {
            let packed = Deflate.compress(data, level: CompressionLevel(level))
            let unpacked = try Inflate.decompress(packed, maxOutputSize: data.count)
            #expect(unpacked == data, "level \(level), \(data.count) bytes")
            let wrapped = Zlib.compress(data, level: CompressionLevel(level))
            #expect(try Zlib.decompress(wrapped, sizeHint: data.count) == data, "zlib level \(level)")
        }
    }
}
