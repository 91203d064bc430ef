import Imaging
import Randomness
import Testing
@testable import Features

struct EfficientNetLite0FeatureMapsTests {
    @Test func everyTapMatchesThePlainNetwork() throws {
        let checkpoint = Naive.randomCheckpoint(seed: 1)
        let network = try EfficientNetLite0(checkpoint: checkpoint)
        var rng = SeededGenerator(seed: 4)
        let (h, w) = (37, 22)
        let input = NaiveTensor(c: 3, h: h, w: w, v: (0..<3 * h * w).map { _ in rng.signedUnit() * 2 })
        let expected = Naive.taps(input, checkpoint)
        let layers = EfficientNetLayer.allCases
        let maps = network.featureMaps(preprocessed: PlanarImage(width: w, height: h, channels: 3, values: input.v), layers: layers)
        for (layer, map) in zip(layers, maps) {
            let want = try #require(expected[layer])
            #expect(map.channels == layer.channels && map.channels == want.c, "\(layer)")
            let grid = layer.gridSize(inputHeight: h, inputWidth: w)
            #expect(map.height == want.h && map.width == want.w && grid == (want.h, want.w), "\(layer)")
            let scale = want.v.map(abs).max() ?? 0
            #expect(scale > 0.01 && Self.largestDifference(map, want) < 1e-4 * max(scale, 1), "\(layer)")
        }
    }

    @Test func theHeadTapPooledIsThePooledFeatureBitForBit() throws {
        let network = try EfficientNetLite0(checkpoint: Naive.randomCheckpoint(seed: 2))
        var rng = SeededGenerator(seed: 5)
        let image = PlanarImage(width: 19, height: 24, channels: 3, values: (0..<(3 * 19 * 24)).map { _ in rng.signedUnit() })
        let taps = network.featureMaps(preprocessed: image, layers: [.stage5, .head, .stage3])
        #expect(taps.map(\.channels) == [112, 1280, 40])
        #expect(taps[1].spatialMean() == network.features(preprocessed: image))
        #expect(network.featureMaps(preprocessed: image, layers: []).isEmpty)
        // Repeats are allowed and give the same map twice.
        let twice = network.featureMaps(preprocessed: image, layers: [.stage3, .stage3])
        #expect(twice[0] == twice[1] && twice[0] == taps[2])
    }

    @Test func layerShapesAndStridesAreReferenceSection7() {
        #expect(EfficientNetLayer.allCases.map(\.channels) == [32, 16, 24, 40, 80, 112, 192, 320, 1280])
        #expect(EfficientNetLayer.allCases.map(\.stride) == [2, 2, 4, 8, 16, 16, 32, 32, 32])
        #expect(EfficientNetLayer.allCases.map(\.blocksBefore) == [0, 1, 3, 5, 8, 11, 15, 16, 16])
        #expect(EfficientNetLayer.stage3.gridSize(inputHeight: 256, inputWidth: 256) == (32, 32))
        #expect(EfficientNetLayer.stage5.gridSize(inputHeight: 256, inputWidth: 350) == (16, 22))
        #expect(EfficientNetLayer.stage3.gridSize(inputHeight: 256, inputWidth: 350) == (32, 44))
        // Odd sides round up at every stride-2 layer: 37 → 19 → 19 → 10 → 5.
        #expect(EfficientNetLayer.stage3.gridSize(inputHeight: 37, inputWidth: 37) == (5, 5))
    }

    @Test func computingFewerLayersCostsLess() throws {
        let network = try EfficientNetLite0(checkpoint: Naive.randomCheckpoint(seed: 1))
        let toStage5 = network.flops(height: 256, width: 256, through: .stage5)
        let all = network.flops(height: 256, width: 256, through: .head)
        #expect(all == network.flops(height: 256, width: 256))
        #expect(toStage5 < 0.7 * all && toStage5 > network.flops(height: 256, width: 256, through: .stage3))
    }

    @Test func unknownLayerNamesListTheValidOnes() throws {
        #expect(throws: FeaturesError.unknownLayer(name: "layer2")) { try EfficientNetLayer(name: "layer2") }
        #expect(FeaturesError.unknownLayer(name: "layer2").description
            == "unknown EfficientNet-Lite0 layer `layer2`; expected one of: stem, stage1, stage2, stage3, stage4, stage5, stage6, stage7, head")
        #expect(try EfficientNetPatchExtractor.layers(named: ["stage5", "stage2"]) == [.stage5, .stage2])
        #expect(throws: FeaturesError.unknownLayer(name: "Stage3")) { try EfficientNetPatchExtractor.layers(named: ["stage2", "Stage3"]) }
    }

    static func largestDifference(_ a: FeatureMap, _ b: NaiveTensor) -> Float {
        var worst: Float = 0
        for c in 0..<b.c { for y in 0..<b.h { for x in 0..<b.w {
            worst = max(worst, abs(a.values[(y * a.width + x) * a.channels + c] - b[c, y, x]))
        } } }
        return worst
    }
}
