import Scoring
import Thresholding

extension KDEClassifier {
    /// `--scorer kde`: PCA + Gaussian KDE, anomalib's DFKDE classification stage.
    public static let descriptor = ScorerDescriptor(
        name: "kde", summary: "PCA + Gaussian KDE (anomalib's DFKDE classifier); score = −log-density",
        parameters: [
            .integer("pca", "N", default: 16, in: 1...4096, help: "kde: principal components kept."),
            .choice("scaling", FeatureScaling.allCases.map(\.rawValue), default: "scale", help: "kde: scaling of the projected features."),
            .flag("anomalib-compatible", help: "kde: reproduce anomalib's centring quirk (REFERENCE §2)."),
        ],
        archivedType: KDEClassifier.self,
        make: { v, seed, _ in
            KDEClassifier(componentCount: v.integer("pca") ?? 16,
                          featureScaling: FeatureScaling(rawValue: v.text("scaling") ?? "scale") ?? .scale,
                          anomalibCompatible: v.flag("anomalib-compatible"), seed: seed)
        })
}
