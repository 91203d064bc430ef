import Testing
import DeflateCodec
import Randomness

/// Damaged streams end in a `DeflateError`, never a crash or a hang.
struct MalformedStreamTests {
    /// zlib streams of several kinds of content: stored, fixed and dynamic blocks.
    static let corpus: [[UInt8]] = {
        var generator = SeededGenerator(seed: 2024)
        let random = (0..<3000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let text = Array(String(repeating: "a truncated stream must fail cleanly; ", count: 80).utf8)
        let mixed = (0..<20_000).map { UInt8(($0 / 3 + $0 % 7) & 0xFF) }
        return [
            Zlib.compress(random, level: .none), Zlib.compress(Array("abc".utf8)),
            Zlib.compress(text), Zlib.compress(mixed, level: .best), Zlib.compress(random),
        ]
    }()

    @Test(arguments: 0..<5)
    func everyTruncationIsAnError(index: Int) {
        let stream = Self.corpus[index]
        for length in 0..<stream.count {
            #expect(throws: DeflateError.self, "prefix of \(length) bytes") {
                try Zlib.decompress(Array(stream.prefix(length)))
            }
        }
    }

    @Test(arguments: 0..<5)
    func bitFlipsAreCaught(index: Int) {
        let stream = Self.corpus[index]
        var generator = SeededGenerator(seed: UInt64(index))
        for _ in 0..<400 {
            var damaged = stream
            let flips = Int.random(in: 1...3, using: &generator)
            for _ in 0..<flips {
                damaged[Int.random(in: 0..<damaged.count, using: &generator)] ^= 1 << UInt8.random(in: 0...7, using: &generator)
            }
            // With the Adler-32 checked, any change that alters the data is an error.
            do {
                let decoded = try Zlib.decompress(damaged, maxOutputSize: 1 << 20)
                #expect(decoded == (try? Zlib.decompress(stream)), "a flip decoded to different data unnoticed")
            } catch {
                // Expected for almost every flip.
            }
        }
    }

    @Test func randomGarbageNeverCrashes() {
        var generator = SeededGenerator(seed: 99)
        var errors = 0
        for _ in 0..<3000 {
            let garbage = (0..<Int.random(in: 0...300, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
            do { _ = try Inflate.decompress(garbage, maxOutputSize: 1 << 16) } catch { errors += 1 }
        }
        #expect(errors > 2500)
    }
}
