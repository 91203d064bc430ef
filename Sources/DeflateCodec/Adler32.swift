/// The Adler-32 checksum of RFC 1950, the trailer of every zlib stream.
///
/// Sums are reduced modulo 65521 only once per 5552 bytes (the most that
/// cannot overflow 32 bits), and the inner loop takes 8 bytes a step.
///
/// ```swift
/// Adler32.checksum(Array("Wikipedia".utf8)) // 0x11E60398
/// ```
public struct Adler32: Sendable, Hashable {
    private var a: UInt32 = 1
    private var b: UInt32 = 0

    /// A checksum of no bytes yet.
    public init() {}

    /// The checksum of every byte passed to ``update(_:)`` so far.
    public var value: UInt32 { (b << 16) | a }

    /// The Adler-32 of `bytes`.
    /// - Complexity: O(n).
    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var adler = Adler32()
        adler.update(bytes)
        return adler.value
    }

    /// Adds `bytes` to the checksum.
    /// - Complexity: O(n).
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done == nil { Array(bytes).withUnsafeBytes { update($0) } }
    }

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
            while index &+ 8 <= end {
                // Sum B gains 8·A plus the bytes weighted 8, 7, …, 1.
                let p = base + index
                let b0 = UInt32(p[0]), b1 = UInt32(p[1]), b2 = UInt32(p[2]), b3 = UInt32(p[3])
                let b4 = UInt32(p[4]), b5 = UInt32(p[5]), b6 = UInt32(p[6]), b7 = UInt32(p[7])
                sumB &+= sumA &* 8 &+ b0 &* 8 &+ b1 &* 7 &+ b2 &* 6 &+ b3 &* 5
                    &+ b4 &* 4 &+ b5 &* 3 &+ b6 &* 2 &+ b7
                sumA &+= b0 &+ b1 &+ b2 &+ b3 &+ b4 &+ b5 &+ b6 &+ b7
                index &+= 8
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
