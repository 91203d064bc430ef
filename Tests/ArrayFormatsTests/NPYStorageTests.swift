import Testing
@testable import ArrayFormats

@Suite struct NPYStorageTests {
    @Test func countsElements() {
        #expect(NPYStorage.float32([1, 2, 3]).count == 3)
        #expect(NPYStorage.bool([]).count == 0)
        #expect(NPYStorage.uint64([7]).count == 1)
    }

    @Test func reportsLittleEndianDTypes() {
        let expected: [(NPYStorage, String)] = [
            (.bool([]), "|b1"), (.int8([]), "|i1"), (.uint8([]), "|u1"), (.int16([]), "<i2"), (.uint16([]), "<u2"),
            (.int32([]), "<i4"), (.uint32([]), "<u4"), (.int64([]), "<i8"), (.uint64([]), "<u8"),
            (.float32([]), "<f4"), (.float64([]), "<f8"),
        ]
        for (storage, descr) in expected { #expect(storage.dtype.descr == descr) }
    }
}
