/// The LZ77 tokens of one block being collected, with their symbol frequencies.
struct BlockTokens {
    /// Flush the block once it holds this many tokens (zlib's default buffer).
    static let capacity = 16383

    var tokens: [UInt32] = []
    var literalFrequencies = [Int](repeating: 0, count: 286)
    var distanceFrequencies = [Int](repeating: 0, count: 30)
    /// Input bytes the tokens cover.
    var coveredBytes = 0

    init() { tokens.reserveCapacity(Self.capacity) }

    var isFull: Bool { tokens.count >= Self.capacity }

    @inline(__always)
    mutating func appendLiteral(_ byte: UInt8) {
        tokens.append(DeflateSymbols.literalToken(byte))
        literalFrequencies[Int(byte)] &+= 1
        coveredBytes &+= 1
    }

    @inline(__always)
    mutating func appendMatch(length: Int, distance: Int) {
        tokens.append(DeflateSymbols.matchToken(length: length, distance: distance))
        literalFrequencies[257 &+ Int(DeflateSymbols.lengthCode[length &- 3])] &+= 1
        distanceFrequencies[Int(DeflateSymbols.distanceCode[DeflateSymbols.distanceCodeIndex(ofDistanceMinusOne: distance &- 1)])] &+= 1
        coveredBytes &+= length
    }

    /// Empties the block, keeping the storage.
    mutating func reset() {
        tokens.removeAll(keepingCapacity: true)
        for index in literalFrequencies.indices { literalFrequencies[index] = 0 }
        for index in distanceFrequencies.indices { distanceFrequencies[index] = 0 }
        coveredBytes = 0
    }
}
