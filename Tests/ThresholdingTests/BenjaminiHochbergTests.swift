import Testing
@testable import Thresholding

@Suite struct BenjaminiHochbergTests {
    @Test func stepUpSelectionByHand() throws {
        let r = try BenjaminiHochberg.select(pValues: [0.01, 0.5, 0.03, 0.02], q: 0.05)
        #expect(r.selected == [true, false, true, true])
        #expect(r.cutoff == 0.03)
        // Adjusted: p·m/rank = [0.04, 0.5, 0.04, 0.04] after the running minimum.
        for (a, b) in zip(r.adjusted, [0.04, 0.5, 0.04, 0.04]) { #expect(abs(a - b) < 1e-15) }
    }

    @Test func stepUpRescuesSmallerPValuesAboveTheirOwnLine() throws {
        // p₍₁₎ = 0.02 > 0.05/4 on its own line, but p₍₂₎ = 0.024 ≤ 2·0.05/4 selects both.
        let r = try BenjaminiHochberg.select(pValues: [0.9, 0.024, 0.02, 0.8], q: 0.05)
        #expect(r.selected == [false, true, true, false])
    }

    @Test func nothingSelectedAndBadInput() throws {
        #expect(try BenjaminiHochberg.select(pValues: [0.5, 0.9], q: 0.05).selected == [false, false])
        #expect(try BenjaminiHochberg.select(pValues: [], q: 0.05).selected == [])
        #expect(throws: ThresholdError.self) { try BenjaminiHochberg.select(pValues: [1.5], q: 0.05) }
        #expect(throws: ThresholdError.self) { try BenjaminiHochberg.select(pValues: [0.5], q: 0) }
    }
}
