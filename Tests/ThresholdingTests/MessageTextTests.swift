import Testing
@testable import Thresholding

@Suite struct MessageTextTests {
    @Test func numbersLoseBinaryNoiseButKeepRealDigits() {
        #expect(messageNumber(1 - 0.98) == "0.02")
        #expect(messageNumber(1 - 0.07) == "0.93")
        #expect(messageNumber(0.05) == "0.05")
        #expect(messageNumber(2) == "2.0")
        #expect(messageNumber(1e-300 / 1e10) == "1e-310")
        #expect(messageNumber(-1.5e308) == "-1.5e+308")
        // Twelve significant digits survive; the thirteenth and beyond are rounded.
        #expect(messageNumber(3.14159265358979) == "3.14159265359")
        #expect(messageNumber(.infinity) == "inf")
    }

    @Test func countsAgreeWithTheirNoun() {
        #expect(counted(1, "score") == "1 score")
        #expect(counted(0, "score") == "0 scores")
        #expect(counted(2, "peak") == "2 peaks")
        #expect(counted(1, "region") == "1 region")
        #expect(counted(3, "matrix", "matrices") == "3 matrices")
    }
}
