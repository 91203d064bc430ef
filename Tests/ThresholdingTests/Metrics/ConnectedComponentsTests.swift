import Testing

@testable import Thresholding

@Suite struct ConnectedComponentsTests {
    @Test func labelsRegionsInRasterOrder() throws {
        let mask = PixelFixtures.mask([
            [0, 1, 1, 0, 0],
            [0, 0, 1, 0, 1],
            [1, 0, 0, 0, 1],
            [1, 1, 0, 1, 0],
        ])
        let eight = ConnectedComponents(mask: mask)
        // {(1,0),(2,0),(2,1)}, {(4,1),(4,2),(3,3)} (a corner joins (3,3)), {(0,2),(0,3),(1,3)}.
        #expect(eight.sizes == [3, 3, 3])
        #expect(eight.labels == [
            0, 1, 1, 0, 0,
            0, 0, 1, 0, 2,
            3, 0, 0, 0, 2,
            3, 3, 0, 2, 0,
        ])
        let four = ConnectedComponents(mask: mask, connectivity: .four)
        #expect(four.sizes == [3, 2, 3, 1])
        #expect(four.labels[3 * 5 + 3] == 4)
    }

    @Test func aFullMaskIsOneRegionAndAnEmptyOneHasNone() throws {
        let full = try DefectMask(width: 30, height: 20, anomalous: [Bool](repeating: true, count: 600))
        #expect(ConnectedComponents(mask: full).sizes == [600])
        #expect(ConnectedComponents(mask: try .good(width: 7, height: 3)).count == 0)
    }

    @Test func aCheckerboardIsOneRegionOrManyByConnectivity() throws {
        let n = 9
        let cells = (0..<(n * n)).map { ($0 / n + $0 % n) % 2 == 0 }
        let mask = try DefectMask(width: n, height: n, anomalous: cells)
        #expect(ConnectedComponents(mask: mask).count == 1)
        #expect(ConnectedComponents(mask: mask, connectivity: .four).count == 41)
    }
}
