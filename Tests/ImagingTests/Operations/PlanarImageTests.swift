import Testing
@testable import Imaging

@Suite struct PlanarImageTests {
    @Test func roundTripsEightAndSixteenBits() {
        let eight = Image(width: 256, height: 1, channels: 1, pixels: (0...255).map { UInt8($0) })
        #expect(PlanarImage(eight).image() == eight)
        let sixteen = Image(width: 3, height: 2, channels: 2, pixels16: [0, 1, 2, 32767, 65534, 65535, 7, 8, 9, 10, 11, 12])
        #expect(PlanarImage(sixteen).image(bitDepth: 16) == sixteen)
    }

    @Test func layoutIsPlanarAndScaled() {
        let rgb = Image(width: 2, height: 1, channels: 3, pixels: [255, 0, 51, 0, 255, 102])
        let p = PlanarImage(rgb)
        let expected: [Float] = [1, 0, 0, 1, 0.2, 0.4]
        #expect(zip(p.values, expected).allSatisfy { abs($0 - $1) < 1e-7 })
        #expect(abs(p[2, 0, 1] - 0.4) < 1e-7)
    }

    @Test func conversionBackClampsAndMapsNaNToZero() {
        let p = PlanarImage(width: 4, height: 1, channels: 1, values: [-1, 2, .nan, 0.5])
        #expect(p.image().samples == .uint8([0, 255, 0, 128]))
    }

    @Test func cropBothKinds() {
        let image = Image(width: 3, height: 3, channels: 2, pixels: (0..<18).map { UInt8($0) })
        #expect(image.cropped(x: 1, y: 1, width: 2, height: 1).samples == .uint8([8, 9, 10, 11]))
        #expect(image.centerCropped(width: 1, height: 1).samples == .uint8([8, 9]))
        let planar = PlanarImage(image)
        #expect(planar.cropped(x: 1, y: 1, width: 2, height: 1) == PlanarImage(image.cropped(x: 1, y: 1, width: 2, height: 1)))
    }

    @Test func imageNetNormalisation() {
        let p = PlanarImage(width: 1, height: 1, channels: 3, values: [0.485, 0.456 + 0.224, 0.406 - 0.225 * 2])
        let n = p.normalized()
        #expect(abs(n.values[0]) < 1e-6 && abs(n.values[1] - 1) < 1e-6 && abs(n.values[2] + 2) < 1e-6)
    }
}
