import ArrayFormats
import ScoreFiles
import Testing
import Thresholding

/// anomalib's own KDE log-likelihoods on the real test sets, read from ../shared.
@Suite(.enabled(if: SharedData.isAvailable, SharedData.skipReason))
struct ReferenceScoresTests {
    /// The exact pair-count AUROC of −log-likelihood: ANCHORS.md's full-fit 0.973 (bottle) and 0.763 (mtile).
    @Test(arguments: [("bottle", 0.973015873015873, 63, 20), ("mtile", 0.7631562058785778, 392, 318)])
    func aurocOfAnomalibLogLikelihoodsMatchesTheAnchor(set: String, expected: Double, anomalous: Int, good: Int) throws {
        let dir = "features/efficientnet-lite0/\(set)/"
        let scores = try ScoreFile.read(
            path: SharedData.path(dir + "kde_loglik_scale.npy"), options: ScoreFileOptions(lowerIsAnomalous: true))
        let labels = try NPY.read(path: SharedData.path(dir + "test_labels.npy")).doubles().map { $0 == 1 }
        #expect(labels.filter { $0 }.count == anomalous)
        #expect(labels.filter { !$0 }.count == good)
        #expect(abs(try auroc(scores: scores.scores, labels: labels) - expected) < 1e-12)
    }
}
