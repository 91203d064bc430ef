import Randomness
import Testing

@testable import Thresholding

@Suite struct RadixSortKeysTests {
    @Test func floatKeysOrderLikeTheFloats() {
        let values: [Float] = [-.greatestFiniteMagnitude, -1, -.leastNonzeroMagnitude, 0, .leastNonzeroMagnitude, 0.5, 1, .greatestFiniteMagnitude]
        let keys = values.map(RadixSort.key)
        #expect(keys == keys.sorted())
        #expect(keys.map(RadixSort.float(fromKey:)) == values)
    }

    @Test(arguments: [0, 1, 5, 63, 64, 65, 1000, 70_000])
    func sortsFloatKeysAndTaggedKeysLikeTheStandardSort(count: Int) {
        var g = SeededGenerator(seed: UInt64(count) &+ 3)
        let values = (0..<count).map { _ in Float(g.nextInt(below: 300) - 150) / Float(1 + g.nextInt(below: 9)) }
        var keys = values.map { RadixSort.key($0 == 0 ? 0 : $0) }
        keys.withUnsafeMutableBufferPointer { RadixSort.sortKeys($0, lowestBit: 0, digits: 4) }
        #expect(keys.map(RadixSort.float(fromKey:)) == values.map { $0 == 0 ? 0 : $0 }.sorted())
        // Tagged: value key high, input index low; a stable sort by the high half keeps indices ascending within ties.
        var tagged = values.enumerated().map { UInt64(RadixSort.key($0.element == 0 ? 0 : $0.element)) << 32 | UInt64($0.offset) }
        tagged.withUnsafeMutableBufferPointer { RadixSort.sortKeys($0, lowestBit: 32, digits: 4) }
        #expect(tagged == tagged.sorted())
    }
}
