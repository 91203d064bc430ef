/// The growing output buffer of the inflater.
///
/// It keeps `slack` spare bytes past the end so that match copies may write
/// whole 8-byte words and overshoot, and it never grows beyond the caller's
/// limit plus that slack.
struct InflateOutput {
    /// Spare bytes beyond the longest single write (a 258-byte match).
    static let slack = DeflateTables.maxMatch + 16

    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    var count = 0
    let limit: Int

    init(initialCapacity: Int, limit: Int) {
        let capacity = max(min(initialCapacity, limit), 1024) + Self.slack
        base = .allocate(capacity: capacity)
        self.capacity = capacity
        self.limit = limit
    }

    /// Frees the storage; the buffer must not be used afterwards.
    func deallocate() { base.deallocate() }

    /// Makes room for `additional` more bytes plus the slack, at least doubling the
    /// capacity, but never beyond the limit plus the slack.
    ///
    /// - Returns: false if `additional` more bytes would pass the limit (the caller reports it).
    @discardableResult
    mutating func reserve(_ additional: Int) -> Bool {
        let needed = count + additional + Self.slack
        let newCapacity = min(max(capacity * 2, needed), limit + Self.slack)
        if needed > capacity && newCapacity > capacity {
            let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            newBase.update(from: base, count: count)
            base.deallocate()
            base = newBase
            capacity = newCapacity
        }
        return count + additional <= limit
    }

    /// The decoded bytes as an array.
    func bytes() -> [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }
}
