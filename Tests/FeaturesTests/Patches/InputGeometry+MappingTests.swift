import Imaging
import Testing
@testable import Features

struct InputGeometryMappingTests {
    static func plane(_ width: Int, _ height: Int, _ values: [Float]) -> PlanarImage {
        PlanarImage(width: width, height: height, channels: 1, values: values)
    }

    @Test func sameSizeIsTheIdentity() {
        let g = InputGeometry(originalWidth: 3, originalHeight: 2, resizedWidth: 3, resizedHeight: 2)
        let map = Self.plane(3, 2, [0.5, 1, 2, -3, 4, 7])
        #expect(g.toOriginal(map) == map)
        #expect(g.toInput(nearest: map) == map)
    }

    @Test func enlargingBackToTheOriginalIsTorchBilinear() {
        // An image of 4 × 4 seen at 2 × 2: the map comes back as F.interpolate(size=(4, 4), mode="bilinear").
        let g = InputGeometry(originalWidth: 4, originalHeight: 4, resizedWidth: 2, resizedHeight: 2)
        #expect(g.toOriginal(Self.plane(2, 2, [1, 2, 3, 4])).values
            == [1, 1.25, 1.75, 2, 1.5, 1.75, 2.25, 2.5, 2.5, 2.75, 3.25, 3.5, 3, 3.25, 3.75, 4])
    }

    @Test func outsideTheCropIsZeroAndInsideIsTheMap() {
        // 8 × 8 image, no resize, centre crop 4 × 4 at (2, 2).
        let g = InputGeometry(originalWidth: 8, originalHeight: 8, resizedWidth: 8, resizedHeight: 8,
                              cropX: 2, cropY: 2, inputWidth: 4, inputHeight: 4)
        let map = Self.plane(4, 4, (1...16).map(Float.init))
        let back = g.toOriginal(map)
        for y in 0..<8 {
            for x in 0..<8 {
                let inside = (2..<6).contains(x) && (2..<6).contains(y)
                #expect(back.values[y * 8 + x] == (inside ? map.values[(y - 2) * 4 + x - 2] : 0), "(\(x), \(y))")
            }
        }
        // And a mask travels the other way onto the crop.
        let mask = Self.plane(8, 8, (0..<64).map(Float.init))
        #expect(g.toInput(nearest: mask).values == [18, 19, 20, 21, 26, 27, 28, 29, 34, 35, 36, 37, 42, 43, 44, 45])
    }

    @Test func masksShrinkByTorchNearest() {
        // 6 → 4: ⌊o · 1.5⌋ = 0, 1, 3, 4; with a 2-wide crop at 1 the columns are 1 and 3.
        let g = InputGeometry(originalWidth: 6, originalHeight: 1, resizedWidth: 4, resizedHeight: 1,
                              cropX: 1, cropY: 0, inputWidth: 2, inputHeight: 1)
        #expect(g.toInput(nearest: Self.plane(6, 1, [0, 10, 20, 30, 40, 50])).values == [10, 30])
        let whole = InputGeometry(originalWidth: 6, originalHeight: 1, resizedWidth: 4, resizedHeight: 1)
        #expect(whole.toInput(nearest: Self.plane(6, 1, [0, 10, 20, 30, 40, 50])).values == [0, 10, 30, 40])
        // 2 → 4 doubles: o >> 1.
        let doubled = InputGeometry(originalWidth: 2, originalHeight: 1, resizedWidth: 4, resizedHeight: 1)
        #expect(doubled.toInput(nearest: Self.plane(2, 1, [5, 9])).values == [5, 5, 9, 9])
    }
}
