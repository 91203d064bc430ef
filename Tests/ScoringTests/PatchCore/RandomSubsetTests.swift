import Randomness
@testable import Scoring
import Testing

struct RandomSubsetTests {
    @Test func distinctAscendingAndEveryIndexEquallyLikely() {
        var g = SeededGenerator(seed: 5)
        var hits = [Int](repeating: 0, count: 10)
        let draws = 20_000
        for _ in 0..<draws {
            let s = randomSubset(of: 10, keeping: 3, using: &g)
            #expect(s.count == 3 && s == s.sorted() && Set(s).count == 3 && s.allSatisfy { (0..<10).contains($0) })
            for i in s { hits[i] += 1 }
        }
        // Each index is kept with probability 0.3: standard error √(0.3·0.7/20000) = 0.0032; allow 4 of them.
        #expect(hits.allSatisfy { abs(Double($0) / Double(draws) - 0.3) < 0.013 }, "\(hits)")
    }

    @Test func keepingAtLeastEverythingReturnsEverythingWithoutDrawing() {
        var g = SeededGenerator(seed: 1)
        let before = g
        #expect(randomSubset(of: 4, keeping: 4, using: &g) == [0, 1, 2, 3])
        #expect(randomSubset(of: 4, keeping: 60_000, using: &g) == [0, 1, 2, 3])
        #expect(g == before)
        var a = SeededGenerator(seed: 9), b = SeededGenerator(seed: 9)
        #expect(randomSubset(of: 1000, keeping: 50, using: &a) == randomSubset(of: 1000, keeping: 50, using: &b))
    }
}
