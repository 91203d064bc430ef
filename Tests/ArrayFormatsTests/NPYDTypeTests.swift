import Testing
@testable import ArrayFormats

@Suite struct NPYDTypeTests {
    @Test func parsesByteOrderKindAndSize() throws {
        #expect(NPYDType(descr: "<f4") == NPYDType(kind: .float, size: 4))
        #expect(NPYDType(descr: ">f8") == NPYDType(kind: .float, size: 8, isBigEndian: true))
        #expect(NPYDType(descr: "|b1") == NPYDType(kind: .bool, size: 1))
        #expect(NPYDType(descr: "=i4") == NPYDType(kind: .signed, size: 4))
        // Byte order is meaningless for single bytes.
        #expect(NPYDType(descr: ">u1") == NPYDType(kind: .unsigned, size: 1))
    }

    @Test(arguments: ["<f2", "<c8", "<U10", "|S3", "<i3", "f4", "", "<f", "|O", "<M8[ns]", "<f+4", "<f 4"])
    func rejectsUnsupportedTypes(descr: String) {
        #expect(NPYDType(descr: descr) == nil)
    }

    @Test func descrRoundTrips() {
        for descr in ["<f4", ">f8", "|u1", "|i1", "<i2", ">i8", "<u8", "|b1"] {
            #expect(NPYDType(descr: descr)?.descr == descr)
        }
    }
}
