/// The Adler-32 checksum of RFC 1950, the trailer of every zlib stream.
///
/// Sums are reduced modulo 65521 only once per 5552 bytes (the most that
/// cannot overflow 32 bits), and the inner loop takes 16 bytes a step in vector lanes.
///
/// ```swift
/// Adler32.checksum(Array("Wikipedia".utf8)) // 0x11E60398
/// ```
public struct Adler32: RunningChecksum {
    private var a: UInt32 = 1
    private var b: UInt32 = 0

    /// A checksum of no bytes yet.
    public init() {}

    /// The checksum of every byte passed to ``update(_:)`` so far.
    public var value: UInt32 { (b << 16) | a }

    /// Adds the bytes of `buffer` to the checksum.
    /// - Complexity: O(n).
    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        let modulus: UInt32 = 65521
        // 5552 is the largest n with 255·n·(n+1)/2 + (n+1)·(65520) < 2^32.
        let chunk = 5552
        var sumA = a
        var sumB = b
        var index = 0
        let count = buffer.count
        while index < count {
            let end = min(index &+ chunk, count)
            // Whole 16-byte blocks in vector lanes: lane j sums byte j of every block (s), and the
            // lanes' running totals before each block (p). Block k adds 16·A_before(k) + Σⱼ (16 − j)·bⱼ
            // to B, so the chunk adds 16·blocks·A₀ + 16·Σ p + Σⱼ (16 − j)·sⱼ. At most 347 blocks per
            // chunk keep every lane below 2^32; the combination is done in 64 bits.
            let blocks = (end &- index) / 16
            if blocks > 0 {
                var s = SIMD16<UInt32>()
                var p = SIMD16<UInt32>()
                for k in 0..<blocks {
                    let bytes = UnsafeRawPointer(base + (index &+ k &* 16)).loadUnaligned(as: SIMD16<UInt8>.self)
                    p &+= s
                    s &+= SIMD16<UInt32>(truncatingIfNeeded: bytes)
                }
                let weights = SIMD16<UInt32>(16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1)
                let weighted = UInt64((s &* weights).wrappedSum())
                let addB = 16 &* UInt64(blocks) &* UInt64(sumA) &+ 16 &* UInt64(p.wrappedSum()) &+ weighted
                sumB = UInt32((UInt64(sumB) &+ addB) % UInt64(modulus))
                sumA &+= s.wrappedSum()
                index &+= blocks &* 16
            }
            while index < end {
                sumA &+= UInt32(base[index])
                sumB &+= sumA
                index &+= 1
            }
            sumA %= modulus
            sumB %= modulus
        }
        a = sumA
        b = sumB
    }
}
