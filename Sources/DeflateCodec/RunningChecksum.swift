/// A 32-bit checksum fed bytes in pieces (``Adler32``, ``CRC32``): each type supplies its
/// register and the loop over a buffer; the whole-sequence entry points are shared here.
public protocol RunningChecksum: Sendable, Hashable {
    /// A checksum of no bytes yet.
    init()

    /// The checksum of every byte passed to ``update(_:)-(UnsafeRawBufferPointer)`` so far.
    var value: UInt32 { get }

    /// Adds the bytes of `buffer` to the checksum.
    /// - Complexity: O(n).
    mutating func update(_ buffer: UnsafeRawBufferPointer)
}

extension RunningChecksum {
    /// The checksum of `bytes`.
    /// - Complexity: O(n).
    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var running = Self()
        running.update(bytes)
        return running.value
    }

    /// Adds `bytes` to the checksum, without a copy when they are contiguous.
    /// - Complexity: O(n).
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done == nil { Array(bytes).withUnsafeBytes { update($0) } }
    }
}
