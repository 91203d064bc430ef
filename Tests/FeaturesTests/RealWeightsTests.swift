import Imaging
import Testing
@testable import Features

/// The real weights file through `$THRESHOLDKIT_WEIGHTS`: reading, folding, identity.
/// Cheap enough for debug builds: the network runs on small inputs only.
@Suite(.enabled(if: TestEnvironment.weightsPath != nil, TestEnvironment.weightsSkipReason))
struct RealWeightsTests {
    @Test func readsEveryTensorOfTheRealCheckpoint() throws {
        let checkpoint = try #require(TestEnvironment.checkpoint)
        // 16 blocks, stem, head, classifier; every batch norm has five entries.
        #expect(checkpoint.keys.first == "_conv_stem.weight")
        #expect(checkpoint.keys.count == checkpoint.tensors.count)
        #expect(checkpoint.tensors["_fc.weight"]?.shape == [1000, 1280])
        #expect(checkpoint.tensors["_blocks.15._depthwise_conv.weight"]?.shape == [1152, 1, 3, 3])
        let counter = try #require(checkpoint.tensors["_bn0.num_batches_tracked"])
        guard case .int64(let n) = counter.elements else { Issue.record("num_batches_tracked is \(counter.summary)"); return }
        #expect(counter.shape == [] && n.count == 1)
        #expect(checkpoint.digest == "579344248a93e23026e6b78f1f6faf0bc1d282386f6c881cdbaacd49cabf77db")
    }

    @Test func identifierNamesTheWeightsDigestAndPreprocessing() throws {
        let extractor = try EfficientNetExtractor(checkpoint: try #require(TestEnvironment.checkpoint))
        #expect(extractor.dimension == 1280)
        #expect(extractor.identifier == "efficientnet-lite0/sha256:579344248a93e23026e6b78f1f6faf0bc1d282386f6c881cdbaacd49cabf77db/"
                + "preprocess-v1:rgb01-antialias-bilinear-imagenet/size-256")
    }

    /// A grey image and the same image replicated to RGB give the same features; alpha is ignored.
    @Test func greyIsReplicatedAndAlphaDropped() throws {
        let extractor = try EfficientNetExtractor(checkpoint: try #require(TestEnvironment.checkpoint),
                                                  preprocessing: ImageNetPreprocessing(size: 48))
        let grey = Image(width: 40, height: 30, channels: 1, pixels: (0..<1200).map { UInt8(truncatingIfNeeded: $0 * 37 % 251) })
        var progress: [Int] = []
        let f = try extractor.features(of: [grey, grey.rgb(), grey.rgb().addingOpaqueAlpha()]) { done, _ in progress.append(done) }
        #expect(progress == [1, 2, 3])
        #expect(f.rows.row(0) == f.rows.row(1) && f.rows.row(1) == f.rows.row(2))
        #expect(f.rows.row(0).allSatisfy { $0 >= 0 && $0 <= 6 } && f.rows.row(0).contains { $0 > 0 })
        #expect(throws: FeaturesError.invalidImage(index: 1, reason: "has no pixels (0×5)")) {
            try extractor.features(of: [grey, Image(width: 0, height: 5, channels: 1, pixels: [])])
        }
    }
}
