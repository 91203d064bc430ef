import Testing
@testable import ArrayFormats

@Suite struct SHA256Tests {
    // Digests from Python's hashlib.
    @Test func knownVectors() {
        #expect(SHA256.hexDigest([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hexDigest(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hexDigest([UInt8](repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func incrementalUpdatesInAnyChunkingGiveTheSameDigest() {
        let data = (0..<3).flatMap { _ in (0...255).map(UInt8.init) }
        let expected = "f3a25aa93aa2fbba28d79260535bbd6a5eb0fc1c24a8b0f04e12b484c1dfe363"
        for chunk in [1, 7, 63, 64, 65, 500] {
            var h = SHA256()
            var i = 0
            while i < data.count { h.update(data[i..<min(i + chunk, data.count)]); i += chunk }
            #expect(h.finalize().map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() == expected)
        }
    }
}
