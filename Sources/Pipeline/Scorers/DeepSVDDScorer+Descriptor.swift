import Scoring
import Thresholding

extension DeepSVDDScorer {
    /// `--scorer svdd`: Deep SVDD with a bias-free MLP D-512-128 on feature vectors.
    public static let mlpDescriptor = ScorerDescriptor(
        name: "svdd", summary: "Deep SVDD, bias-free MLP D-512-128, one-class; score = squared distance to the centre",
        parameters: epochs(training: 100, pretraining: 0, scorer: "svdd"),
        archivedType: DeepSVDDScorer.self,
        make: { v, seed, dimension in
            DeepSVDDScorer(architecture: .multilayerPerceptron(inputDimension: dimension, hiddenDimensions: [512], representationDimension: 128),
                           configuration: configuration(v, seed: seed, training: 100, pretraining: 0))
        })

    /// `--scorer svdd-conv`: Deep SVDD's convolutional encoder on grey images, ANCHORS.md's schedule.
    public static let convolutionalDescriptor = ScorerDescriptor(
        name: "svdd-conv",
        summary: "Deep SVDD's convolutional encoder on grey images (grey128), 20 autoencoder + 20 one-class epochs",
        parameters: epochs(training: 20, pretraining: 20, scorer: "svdd-conv"),
        defaultFeatures: "grey128", acceptedFeatures: ["grey128", "pixels"],
        archivedType: DeepSVDDScorer.self,
        make: { v, seed, dimension throws(PipelineError) in
            let side = Int(Double(dimension).squareRoot().rounded())
            guard side * side == dimension, side >= 32, side % 32 == 0 else {
                throw .invalidSetting(name: "features", value: "\(dimension) values per image",
                                      expected: "square grey images whose side is a multiple of 32 (use --features grey128)")
            }
            return DeepSVDDScorer(architecture: .convolutional(imageSize: side),
                                  configuration: configuration(v, seed: seed, training: 20, pretraining: 20))
        })

    static func epochs(training: Int, pretraining: Int, scorer: String) -> [ParameterSpec] {
        [.integer("epochs", "N", default: training, in: 1...100_000, help: "\(scorer): one-class training epochs."),
         .integer("pretrain-epochs", "N", default: pretraining, in: 0...100_000, help: "\(scorer): autoencoder pre-training epochs.")]
    }

    static func configuration(_ v: ParameterValues, seed: UInt64, training: Int, pretraining: Int) -> DeepSVDDConfiguration {
        var c = DeepSVDDConfiguration()
        c.epochs = v.integer("epochs") ?? training
        c.pretrainingEpochs = v.integer("pretrain-epochs") ?? pretraining
        c.seed = seed
        return c
    }
}
