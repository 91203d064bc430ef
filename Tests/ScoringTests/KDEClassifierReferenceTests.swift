import LinearAlgebra
import Scoring
import Testing

/// anomalib's own log-likelihoods of test.npy under a classifier fitted on train.npy (REFERENCE §1).
///
/// anomalib computed them in float32, so values below −80 (near its 2⁻¹⁴⁹ floor) are not comparable.
@Suite(.enabled(if: ReferenceFeatures.isAvailable, ReferenceFeatures.skipReason))
struct KDEClassifierReferenceTests {
    static let tolerance = 1e-3

    /// Largest |ours − anomalib| over reference values above −80, and how many were compared.
    static func maxError(set: String, scaling: KDEClassifier.FeatureScaling, compatible: Bool, reference: String)
        throws -> (error: Double, compared: Int)
    {
        var classifier = KDEClassifier(featureScaling: scaling, anomalibCompatible: compatible)
        try classifier.fit(normal: try ReferenceFeatures.features(set, "train"))
        let ours = try classifier.computeKDEScores(try ReferenceFeatures.features(set, "test"))
        let theirs = try ReferenceFeatures.values(set, reference)
        #expect(ours.count == theirs.count)
        #expect(ours.allSatisfy { $0.isFinite })
        let pairs = zip(ours, theirs).filter { $0.1 > -80 }
        return (pairs.map { abs($0.0 - $0.1) }.max() ?? 0, pairs.count)
    }

    @Test(arguments: ["bottle", "mtile"])
    func scaleMatchesAnomalib(set: String) throws {
        let (error, compared) = try Self.maxError(set: set, scaling: .scale, compatible: false, reference: "kde_loglik_scale")
        #expect(error < Self.tolerance, "max |error| \(error) over \(compared) values")
        print("KDE scale \(set): max |error| \(error) over \(compared) values")
    }

    @Test(arguments: ["bottle", "mtile"])
    func normMatchesAnomalibWithTheCompatibilityOption(set: String) throws {
        let (error, compared) = try Self.maxError(set: set, scaling: .norm, compatible: true, reference: "kde_loglik_norm")
        #expect(error < Self.tolerance, "max |error| \(error) over \(compared) values")
        print("KDE norm (anomalib-compatible) \(set): max |error| \(error) over \(compared) values")
    }

    /// Without the quirk, norm scaling differs from anomalib by up to about 0.8 nats (REFERENCE §2).
    @Test func normWithoutCompatibilityDiffers() throws {
        let (error, _) = try Self.maxError(set: "bottle", scaling: .norm, compatible: false, reference: "kde_loglik_norm")
        #expect(error > 0.1)
    }
}
