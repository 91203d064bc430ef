import Features
import Scoring
import Thresholding

extension PatchCoreScorer {
    /// `--scorer patchcore`: nearest-neighbour distances of EfficientNet-Lite0 patches to a coreset
    /// memory bank, with anomaly maps; the image score is the largest patch distance.
    public static let descriptor = ScorerDescriptor(
        name: "patchcore",
        summary: "PatchCore: EfficientNet-Lite0 patch features, a greedy k-center memory bank, nearest-neighbour distances; anomaly maps",
        parameters: [
            .choice("size", PatchPreprocessing.offeredSizes.map(String.init) + ["auto"], default: "256",
                    help: "patchcore: network input size; auto picks among 256 and 384 by how well each separates synthetic anomalies from held-out good images."),
            .choice("aspect", AspectMode.allCases.map(\.rawValue), default: "square",
                    help: "patchcore: square stretches to size×size; shorter-side keeps the aspect ratio (non-square patch grid)."),
            .integer("crop", "N", in: PatchPreprocessing.allowedSizes, help: "patchcore: centre-crop the resized image to N×N, as anomalib does."),
            .text("layers", "L1,L2", default: EfficientNetLayer.patchCoreDefault.map(\.rawValue).joined(separator: ","), list: true,
                  help: "patchcore: EfficientNet-Lite0 taps (\(EfficientNetLayer.allCases.map(\.rawValue).joined(separator: ", "))), averaged 3×3 and concatenated at the finest grid."),
            .integer("pool", "N", default: 60_000, in: 1...10_000_000, help: "patchcore: random pool of fit patches the coreset is chosen from."),
            .number("coreset-fraction", "F", default: 0.1, in: NumberRange(lower: 0, lowerIncluded: false, upper: 1, upperIncluded: true),
                    help: "patchcore: the memory bank keeps this fraction of the pool."),
            .integer("coreset-cap", "N", default: 10_000, in: 1...1_000_000, help: "patchcore: the largest memory bank."),
            .integer("projection", "K", default: 64, in: 0...4096, help: "patchcore: greedy k-center measures distances in a K-d random projection (0: none)."),
            .integer("neighbours", "B", default: 1, in: 1...1000, help: "patchcore: 1 scores an image by its largest patch distance; B > 1 re-weights it by the bank's density (anomalib's num_neighbors)."),
        ],
        acceptedFeatures: ["efficientnet-lite0"],
        archivedType: PatchCoreScorer.self,
        make: { v, seed, _ in
            PatchCoreScorer(settings: PatchCoreSettings(
                poolSize: v.integer("pool") ?? 60_000, coresetFraction: v.number("coreset-fraction") ?? 0.1,
                bankCap: v.integer("coreset-cap") ?? 10_000, projectionDimension: v.integer("projection") ?? 64,
                reweightingNeighbours: v.integer("neighbours") ?? 1, seed: seed))
        },
        makeExtractor: { _, v, weights throws(FeaturesError) in
            let size = Int(v.text("size") ?? "256") ?? 256   // "auto" is resolved before an extractor is made
            let preprocessing = try PatchPreprocessing(size: size, aspect: AspectMode(rawValue: v.text("aspect") ?? "square") ?? .square,
                                                       crop: v.integer("crop"))
            let layers = try EfficientNetPatchExtractor.layers(named: (v.text("layers") ?? "stage3,stage5").split(separator: ",").map(String.init))
            return try EfficientNetPatchExtractor(weightsPath: weights, preprocessing: preprocessing, layers: layers)
        },
        alternatives: { v in
            guard v.text("size") == "auto" else { return [] }
            return autoSizes.map { size in var c = v; c.set("size", .text(String(size))); return c }
        })

    /// The sizes `--size auto` chooses among. 256 suits images whose defects are large against the
    /// image and 384 small defects on large images; the probe measured both ways on held-back sets.
    public static let autoSizes = [256, 384]
}
