import Testing
@testable import ArrayFormats

@Suite struct NPYArrayTests {
    @Test func convertsEveryStorageToDoubles() {
        #expect(NPYArray(shape: [2], storage: .bool([true, false])).doubles() == [1, 0])
        #expect(NPYArray(shape: [2], storage: .uint8([0, 255])).doubles() == [0, 255])
        #expect(NPYArray(shape: [2], storage: .int16([-300, 7])).doubles() == [-300, 7])
        #expect(NPYArray(shape: [1], storage: .uint64([1 << 40])).doubles() == [1_099_511_627_776])
        #expect(NPYArray([Float(0.1)]).doubles() == [Double(Float(0.1))])
    }

    @Test func convertsToFloatsRoundingToNearest() {
        #expect(NPYArray([0.1] as [Double]).floats() == [Float(0.1)])
        #expect(NPYArray(shape: [2], storage: .int32([-5, 16_777_217])).floats() == [-5, 16_777_216])
    }

    @Test func reportsCountAndDType() {
        let array = NPYArray(rows: 2, columns: 3, values: [Float](repeating: 0, count: 6))
        #expect(array.count == 6)
        #expect(array.shape == [2, 3])
        #expect(array.dtype.descr == "<f4")
        #expect(NPYArray(shape: [1], storage: .bool([true])).dtype.descr == "|b1")
    }
}
