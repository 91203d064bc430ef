import Randomness
import Testing

@testable import Thresholding

@Suite("Radix sort")
struct RadixSortTests {
    /// A value from a mix that stresses the key transform: signs, zeros, subnormals, extremes, repeats.
    static func awkwardValue(_ g: inout SeededGenerator) -> Double {
        switch g.nextInt(below: 10) {
        case 0: return 0.0
        case 1: return -0.0
        case 2: return Double.leastNonzeroMagnitude * Double(g.nextInt(below: 1000)) * (g.nextInt(below: 2) == 0 ? 1 : -1)
        case 3: return (g.nextInt(below: 2) == 0 ? 1 : -1) * Double.greatestFiniteMagnitude / Double(1 + g.nextInt(below: 4))
        case 4: return (g.nextInt(below: 2) == 0 ? 1 : -1) * Double.leastNormalMagnitude * Double(1 + g.nextInt(below: 3))
        case 5: return Double(g.nextInt(below: 5) - 2)
        case 6: return g.nextGaussian() * 1e300
        case 7: return g.nextGaussian() * 1e-300
        default: return g.nextGaussian() * 10
        }
    }

    @Test("matches the standard sort on awkward values across the small/large cut-off",
          arguments: [0, 1, 2, 3, 10, 63, 64, 65, 100, 1000, 5000])
    func matchesStandardSort(count: Int) {
        var g = SeededGenerator(seed: UInt64(count) &+ 17)
        for _ in 0..<5 {
            let values = (0..<count).map { _ in Self.awkwardValue(&g) }
            let radix = values.radixSorted()
            #expect(radix == values.sorted())
            // Equal under == is not enough: apart from the two zeros, the bits must be the very same values.
            #expect(radix.map { $0 == 0 ? 0 : $0.bitPattern } == values.sorted().map { $0 == 0 ? 0 : $0.bitPattern })
        }
    }

    @Test("sorts in place and puts −0.0 before +0.0")
    func negativeZeroFirst() {
        var values = (0..<200).map { $0 % 2 == 0 ? 0.0 : -0.0 }
        values.radixSort()
        #expect(values[..<100].allSatisfy { $0.sign == .minus })
        #expect(values[100...].allSatisfy { $0.sign == .plus })
    }

    @Test("skipped passes: all equal, and integers that share their high digits")
    func skippedPasses() {
        let same = [Double](repeating: 3.5, count: 500)
        #expect(same.radixSorted() == same)
        var g = SeededGenerator(seed: 5)
        let integers = (0..<3000).map { _ in Double(g.nextInt(below: 1000)) }
        #expect(integers.radixSorted() == integers.sorted())
        let descending = (0..<3000).map { Double(3000 - $0) }
        #expect(descending.radixSorted() == descending.sorted())
    }

    @Test("infinities do not trap and land at the ends")
    func infinities() {
        var g = SeededGenerator(seed: 9)
        var values = (0..<100).map { _ in g.nextGaussian() }
        values[3] = .infinity
        values[40] = -.infinity
        let sorted = values.radixSorted()
        #expect(sorted == values.sorted())
        #expect(sorted.first == -.infinity)
        #expect(sorted.last == .infinity)
    }

    @Test("the key preserves order between any two values")
    func keyIsMonotone() {
        var g = SeededGenerator(seed: 11)
        for _ in 0..<5000 {
            let a = Self.awkwardValue(&g)
            let b = Self.awkwardValue(&g)
            let ka = RadixSort.key(a.bitPattern)
            let kb = RadixSort.key(b.bitPattern)
            if a < b { #expect(ka < kb) }
            if a > b { #expect(ka > kb) }
            #expect(RadixSort.bits(ka) == a.bitPattern)
        }
    }
}
