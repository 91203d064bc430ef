import Testing
@testable import Imaging

@Suite struct ColourConversionTests {
    @Test func greyMatchesPillowFixedPoint() {
        // Pillow's convert("L"): red 76, green 150, blue 29, white 255; (0, 0, 250) is 28
        // (the decimal formula rounded half up would give 29: 250·0.114 = 28.5).
        let rgb = Image(width: 5, height: 1, channels: 3, pixels: [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255, 0, 0, 250])
        #expect(rgb.greyscale() == Image(width: 5, height: 1, channels: 1, pixels: [76, 150, 29, 255, 28]))
    }

    @Test func greyKeepsAlphaAndSixteenBits() {
        let rgba = Image(width: 1, height: 1, channels: 4, pixels16: [65535, 65535, 65535, 1234])
        #expect(rgba.greyscale() == Image(width: 1, height: 1, channels: 2, pixels16: [65535, 1234]))
    }

    @Test func greyToRGBReplicates() {
        let grey = Image(width: 2, height: 1, channels: 2, pixels: [10, 200, 20, 100])
        #expect(grey.rgb() == Image(width: 2, height: 1, channels: 4, pixels: [10, 10, 10, 200, 20, 20, 20, 100]))
        #expect(grey.converted(toChannels: 3) == Image(width: 2, height: 1, channels: 3, pixels: [10, 10, 10, 20, 20, 20]))
    }

    @Test func alphaDropAndFlatten() {
        let rgba = Image(width: 2, height: 1, channels: 4, pixels: [200, 100, 0, 255, 200, 100, 0, 0])
        #expect(rgba.removingAlpha().samples == .uint8([200, 100, 0, 200, 100, 0]))
        // Opaque keeps its values; transparent becomes the background (white, then black).
        #expect(rgba.flatteningAlpha().samples == .uint8([200, 100, 0, 255, 255, 255]))
        #expect(rgba.flatteningAlpha(onto: 0).samples == .uint8([200, 100, 0, 0, 0, 0]))
        let half = Image(width: 1, height: 1, channels: 2, pixels: [255, 128])
        #expect(half.flatteningAlpha(onto: 0).samples == .uint8([128]))
    }

    @Test func conversionsBetweenAllChannelCounts() {
        let rgb = Image(width: 1, height: 1, channels: 3, pixels: [255, 0, 0])
        #expect(rgb.converted(toChannels: 1).samples == .uint8([76]))
        #expect(rgb.converted(toChannels: 2).samples == .uint8([76, 255]))
        #expect(rgb.converted(toChannels: 4).samples == .uint8([255, 0, 0, 255]))
        #expect(rgb.converted(toChannels: 3) == rgb)
    }
}
