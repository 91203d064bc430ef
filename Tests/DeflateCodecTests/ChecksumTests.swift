import Testing
import DeflateCodec
import Randomness

/// CRC-32 and Adler-32 against published check values and a bit-by-bit reference.
struct ChecksumTests {
    @Test func crc32KnownValues() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
        #expect(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
        // The CRC of a PNG IEND chunk (type only, no data).
        #expect(CRC32.checksum(Array("IEND".utf8)) == 0xAE42_6082)
    }

    @Test func adler32KnownValues() {
        #expect(Adler32.checksum(Array("Wikipedia".utf8)) == 0x11E6_0398)
        #expect(Adler32.checksum([UInt8]()) == 1)
        #expect(Adler32.checksum(Array("123456789".utf8)) == 0x091E_01DE)
    }

    @Test(arguments: [0, 1, 7, 8, 9, 63, 5551, 5552, 5553, 11_104, 65_536, 100_003])
    func matchReferenceAtEverySizeBoundary(size: Int) {
        var generator = SeededGenerator(seed: UInt64(size))
        // All-0xFF bytes stress Adler-32's deferred modulo the most.
        let random = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for bytes in [random, [UInt8](repeating: 0xFF, count: size)] {
            #expect(CRC32.checksum(bytes) == referenceCRC32(bytes))
            #expect(Adler32.checksum(bytes) == referenceAdler32(bytes))
        }
    }

    @Test func incrementalUpdatesEqualOneShot() {
        var generator = SeededGenerator(seed: 7)
        let bytes = (0..<20_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        var crc = CRC32()
        var adler = Adler32()
        var start = 0
        for length in [0, 1, 3, 8, 13, 5552, 7000, 100] {
            let end = min(start + length, bytes.count)
            crc.update(bytes[start..<end])
            adler.update(bytes[start..<end])
            start = end
        }
        crc.update(bytes[start...])
        adler.update(bytes[start...])
        #expect(crc.value == CRC32.checksum(bytes))
        #expect(adler.value == Adler32.checksum(bytes))
        // A non-contiguous sequence takes the fallback path.
        #expect(CRC32.checksum(bytes.lazy.map { $0 }) == CRC32.checksum(bytes))
    }

    private func referenceCRC32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    private func referenceAdler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return b << 16 | a
    }
}
