import Testing
@testable import Randomness

@Suite struct MersenneTwisterTests {
    // Values printed by numpy 2.4.6: RandomState(seed).permutation(n).
    @Test func reproducesNumPyPermutations() {
        #expect(MersenneTwister.numpyPermutation(10, seed: 42) == [8, 1, 5, 0, 7, 2, 9, 4, 3, 6])
        #expect(Array(MersenneTwister.numpyPermutation(209, seed: 42).prefix(12)) == [30, 171, 84, 198, 60, 155, 45, 181, 9, 195, 136, 186])
        #expect(Array(MersenneTwister.numpyPermutation(634, seed: 0).prefix(8)) == [525, 415, 440, 384, 577, 75, 365, 497])
    }

    @Test func seedsLikeInitGenrand() {
        // The reference MT19937 with seed 5489 starts 3499211612, 581869302, 3890346734.
        var mt = MersenneTwister(seed: 5489)
        #expect([mt.next32(), mt.next32(), mt.next32()] == [3_499_211_612, 581_869_302, 3_890_346_734])
    }

    @Test func permutationIsAPermutation() {
        #expect(MersenneTwister.numpyPermutation(1000, seed: 7).sorted() == Array(0..<1000))
        #expect(MersenneTwister.numpyPermutation(0, seed: 7) == [])
        #expect(MersenneTwister.numpyPermutation(1, seed: 7) == [0])
    }
}
