import Imaging
import LinearAlgebra
import Testing
@testable import Features

struct EfficientNetPatchExtractorTests {
    static let network = try! EfficientNetLite0(checkpoint: Naive.randomCheckpoint(seed: 3))

    @Test func rowsAreTheEmbeddedTapsOfEachPreprocessedImage() throws {
        let preprocessing = try PatchPreprocessing(size: 32)
        let extractor = try EfficientNetPatchExtractor(network: Self.network, preprocessing: preprocessing)
        #expect(extractor.dimension == 152)
        let images = [PatchPreprocessingTests.image(width: 40, height: 30, seed: 1),
                      PatchPreprocessingTests.image(width: 33, height: 70, channels: 1, seed: 2),
                      PatchPreprocessingTests.image(width: 64, height: 64, channels: 4, seed: 3)]
        var reports: [Int] = []
        let batch = try extractor.features(of: images) { done, total in
            #expect(total == 3)
            reports.append(done)
        }
        #expect(reports == [1, 2, 3])
        #expect(batch.count == 3 && batch.dimension == 152 && batch.rows.rows == 48)
        // Each grid records the network input and the image it came from (where its map is drawn).
        #expect(batch.grids == images.map {
            FeatureBatch.Grid(height: 4, width: 4, inputHeight: 32, inputWidth: 32, sourceHeight: $0.height, sourceWidth: $0.width)
        })
        for (i, image) in images.enumerated() {
            let maps = Self.network.featureMaps(preprocessed: try preprocessing(image).input, layers: [.stage3, .stage5])
            let expected = PatchEmbedding.embed(maps).values
            #expect(Array(batch.rows.elements[(batch.rowRange(of: i).lowerBound * 152)..<(batch.rowRange(of: i).upperBound * 152)]) == expected)
        }
    }

    @Test func keepingTheAspectRatioGivesEachImageItsOwnGrid() throws {
        let extractor = try EfficientNetPatchExtractor(network: Self.network, preprocessing: PatchPreprocessing(size: 32, aspect: .shorterSide),
                                                       layers: [.stage2, .stage5])
        let batch = try extractor.features(of: [PatchPreprocessingTests.image(width: 64, height: 32),
                                                PatchPreprocessingTests.image(width: 30, height: 45)])
        #expect(extractor.dimension == 24 + 112)
        #expect(batch.grids == [FeatureBatch.Grid(height: 8, width: 16, inputHeight: 32, inputWidth: 64, sourceHeight: 32, sourceWidth: 64),
                                FeatureBatch.Grid(height: 12, width: 8, inputHeight: 48, inputWidth: 32, sourceHeight: 45, sourceWidth: 30)])
        #expect(batch.rows.rows == 128 + 96)
    }

    @Test func identifierNamesEverythingThatChangesTheRows() throws {
        let extractor = try EfficientNetPatchExtractor(network: Self.network, preprocessing: PatchPreprocessing(size: 384, aspect: .shorterSide, crop: 320))
        #expect(extractor.identifier == "efficientnet-lite0-patches/sha256:" + String(repeating: "0", count: 64)
            + "/preprocess-v1:rgb01-antialias-bilinear-imagenet/size-384/aspect-shorter-side/crop-320/layers-stage3+stage5/"
            + EfficientNetPatchExtractor.embeddingVersion)
        let other = try EfficientNetPatchExtractor(network: Self.network, layers: [.stage5, .stage3])
        #expect(other.identifier != extractor.identifier && other.identifier.contains("layers-stage5+stage3"))
    }

    @Test func badLayersAndImagesAreTypedErrorsBeforeAnyWork() throws {
        #expect(throws: FeaturesError.invalidSetting(name: "layers", value: "(none)", expected: "at least one layer")) {
            try EfficientNetPatchExtractor(network: Self.network, layers: [])
        }
        #expect(throws: FeaturesError.invalidSetting(name: "layers", value: "stage3+stage3", expected: "each layer at most once")) {
            try EfficientNetPatchExtractor(network: Self.network, layers: [.stage3, .stage3])
        }
        let extractor = try EfficientNetPatchExtractor(network: Self.network, preprocessing: PatchPreprocessing(size: 32))
        let good = PatchPreprocessingTests.image(width: 8, height: 8)
        #expect(throws: FeaturesError.invalidImage(index: 1, reason: "3×5 is smaller than its 4×4 patch grid")) {
            try extractor.features(of: [good, PatchPreprocessingTests.image(width: 3, height: 5)])
        }
        #expect(throws: FeaturesError.invalidImage(index: 2, reason: "has no pixels (0×4)")) {
            try extractor.features(of: [good, good, Image(width: 0, height: 4, channels: 3, pixels: [])])
        }
        #expect(try extractor.features(of: []).count == 0)
    }
}
