import Foundation
import Testing
import Randomness
@testable import Scoring

@Suite struct DeepSVDDTrainingTests {
    typealias S = DeepSVDDTestSupport

    /// Normal samples near a 3-d subspace of R¹⁶; anomalies leave it. Seeded.
    static func syntheticProblem(seed: UInt64) -> (train: Tensor, normal: Tensor, anomalous: Tensor) {
        var g = SeededGenerator(seed: seed)
        let (dimension, latent) = (16, 3)
        let basis = (0..<(latent * dimension)).map { _ in Float(g.nextGaussian()) }
        func normal(_ count: Int) -> Tensor {
            var values: [Float] = []
            for _ in 0..<count {
                let z = (0..<latent).map { _ in Float(g.nextGaussian()) }
                for j in 0..<dimension {
                    var v: Float = 1
                    for l in 0..<latent { v += z[l] * basis[l * dimension + j] }
                    values.append(v + 0.1 * Float(g.nextGaussian()))
                }
            }
            return Tensor(shape: [count, dimension], values: values)
        }
        var anomalous = normal(60)
        for i in anomalous.values.indices { anomalous.values[i] += 1.5 * Float(g.nextGaussian()) }
        return (normal(200), normal(60), anomalous)
    }

    static let smallMLP = DeepSVDDArchitecture.multilayerPerceptron(
        inputDimension: 16, hiddenDimensions: [32], representationDimension: 8)

    @Test func mlpSeparatesASyntheticOneClassProblem() throws {
        let p = Self.syntheticProblem(seed: 1)
        var config = DeepSVDDConfiguration()
        config.epochs = 100
        var reported: [DeepSVDDProgress] = []
        let result = try DeepSVDD.train(on: p.train, architecture: Self.smallMLP, configuration: config) {
            reported.append($0)
        }
        let auroc = S.auroc(normal: try result.model.scores(p.normal), anomalous: try result.model.scores(p.anomalous))
        #expect(auroc > 0.95, "AUROC \(auroc)")
        #expect(result.warnings.isEmpty)
        #expect(result.losses.count == 100)
        #expect(result.losses.last! < result.losses.first!)
        #expect(reported.map(\.epoch) == Array(1...100))
        #expect(reported.allSatisfy { $0.phase == .training && $0.epochCount == 100 })
        #expect(reported.map(\.loss) == result.losses)
    }

    @Test func sameSeedGivesIdenticalModelsAndScores() throws {
        let p = Self.syntheticProblem(seed: 2)
        var config = DeepSVDDConfiguration()
        config.epochs = 3
        config.pretrainingEpochs = 2
        config.seed = 42
        let a = try DeepSVDD.train(on: p.train, architecture: Self.smallMLP, configuration: config)
        let b = try DeepSVDD.train(on: p.train, architecture: Self.smallMLP, configuration: config)
        #expect(a.model.network == b.model.network)
        #expect(a.model.center == b.model.center)
        let (sa, sb) = (try a.model.scores(p.anomalous), try b.model.scores(p.anomalous))
        #expect(sa.map(\.bitPattern) == sb.map(\.bitPattern))
        #expect(a.losses.map(\.bitPattern) == b.losses.map(\.bitPattern))
        config.seed = 43
        let c = try DeepSVDD.train(on: p.train, architecture: Self.smallMLP, configuration: config)
        #expect(try c.model.scores(p.anomalous) != sa)
    }

    @Test func centreIsTheMeanInitialOutputUnderTheEpsilonRule() throws {
        let p = Self.syntheticProblem(seed: 3)
        var config = DeepSVDDConfiguration()
        config.epochs = 0
        config.seed = 5
        let model = try DeepSVDD.train(on: p.train, architecture: Self.smallMLP, configuration: config).model
        // With no epochs the network is the initial one: c is the mean of its inference outputs.
        let outputs = try model.representations(p.train)
        let d = model.center.count
        for j in 0..<d {
            let mean = (0..<p.train.count).reduce(0.0) { $0 + Double(outputs.values[$1 * d + j]) } / Double(p.train.count)
            let expected: Double = abs(mean) < 0.1 ? (mean < 0 ? -0.1 : 0.1) : mean
            #expect(abs(Double(model.center[j]) - expected) < 1e-5)
        }
        #expect(model.center.allSatisfy { abs($0) >= 0.1 - 1e-7 })
    }

    @Test func allZeroInputsAreRejectedAsACollapsedCentre() {
        // Without biases every layer maps 0 to 0, so c would be 0: the collapsed solution itself.
        let zeros = Tensor(shape: [10, 16], repeating: 0)
        #expect(throws: DeepSVDDError.degenerateCenter) {
            try DeepSVDD.train(on: zeros, architecture: Self.smallMLP)
        }
    }

    @Test func collapseIsReportedAsAWarning() throws {
        #expect(DeepSVDD.collapseWarning(distances: [1e-9, 2e-9], center: [0.1, 0.1]) != nil)
        #expect(DeepSVDD.collapseWarning(distances: [1e-9, 1e-3], center: [0.1, 0.1]) == nil)
        // Four samples, no weight decay and a large learning rate: the network learns to send every
        // sample to c (W·(h₁ − h₂) = 0 is easy with four points), so the training distances vanish.
        let p = Self.syntheticProblem(seed: 4)
        var config = DeepSVDDConfiguration()
        config.epochs = 400
        config.batchSize = 4
        config.learningRate = 1e-2
        config.weightDecay = 0
        let result = try DeepSVDD.train(on: p.train.samples(0..<4), architecture: Self.smallMLP, configuration: config)
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.contains("collapse") == true)
    }

    @Test func softBoundaryRadiusIsTheBatchQuantileAfterWarmUp() throws {
        let p = Self.syntheticProblem(seed: 5)
        var config = DeepSVDDConfiguration()
        config.objective = .softBoundary(nu: 0.1)
        config.epochs = 60  // one step per epoch: enough for the running statistics to settle
        config.warmUpEpochs = 2
        config.batchSize = 200  // one batch: R is the quantile over the whole training set
        config.learningRate = 1e-3
        let model = try DeepSVDD.train(on: p.train, architecture: Self.smallMLP, configuration: config).model
        #expect(model.radius > 0)
        let one = try DeepSVDD.train(on: p.train, architecture: Self.smallMLP,
                                     configuration: { var c = config; c.objective = .oneClass; return c }()).model
        #expect(one.radius == 0)
        // Scores are distances minus R²; R came from the last step's pre-update distances, so about
        // ν of the training set lies outside, not exactly.
        let scores = try model.scores(p.train)
        let distances = model.squaredDistances(p.train)
        for (s, d) in zip(scores, distances) { #expect(s == d - model.radius * model.radius) }
        let outside = Double(scores.filter { $0 > 0 }.count) / Double(scores.count)
        #expect(outside > 0.02 && outside < 0.3, "fraction outside \(outside)")
        // Warm-up as long as training: R is never set.
        config.warmUpEpochs = 60
        #expect(try DeepSVDD.train(on: p.train, architecture: Self.smallMLP, configuration: config).model.radius == 0)
    }

    @Test func objectiveGradientsMatchFiniteDifferences() {
        let output = Tensor(shape: [5, 3], values: S.gaussian(15, seed: 30))
        let center: [Float] = [0.1, -0.2, 0.3]
        for objective in [DeepSVDDObjective.oneClass, .softBoundary(nu: 0.3)] {
            let step = DeepSVDD.objectiveStep(output, center: center, radius: 1.2, objective: objective)
            let error = S.gradientError(at: output.values, analytic: step.gradient.values, step: 1e-3) {
                DeepSVDD.objectiveStep(Tensor(shape: [5, 3], values: $0), center: center, radius: 1.2,
                                       objective: objective).loss
            }
            #expect(error < 1e-3, "\(objective)")
        }
    }

    @Test func autoencoderPretrainingReducesReconstructionAndReportsBothPhases() throws {
        let p = Self.syntheticProblem(seed: 6)
        var config = DeepSVDDConfiguration()
        config.pretrainingEpochs = 10
        config.pretrainingLearningRate = 1e-3
        config.epochs = 2
        var phases: [DeepSVDDProgress.Phase] = []
        let result = try DeepSVDD.train(on: p.train, architecture: Self.smallMLP, configuration: config) {
            phases.append($0.phase)
        }
        #expect(result.pretrainingLosses.count == 10)
        #expect(result.pretrainingLosses.last! < 0.8 * result.pretrainingLosses.first!)
        #expect(phases == Array(repeating: .pretraining, count: 10) + [.training, .training])
    }

    @Test func convolutionalEncoderAndDecoderRunOnSmallImages() throws {
        var g = SeededGenerator(seed: 7)
        // Smooth random 32×32 images in [0, 1].
        let images = (0..<6).flatMap { _ -> [Float] in
            let (a, b) = (g.nextUnitInterval(), g.nextUnitInterval())
            return (0..<(32 * 32)).map { (i: Int) -> Float in
                let phase: Double = a * Double(i / 32) / 4 + b * Double(i % 32) / 4
                return Float(0.5 + 0.4 * Foundation.sin(phase))
            }
        }
        let x = Tensor(shape: [6, 1, 32, 32], values: images)
        let architecture = DeepSVDDArchitecture.convolutional(imageSize: 32)
        #expect(architecture.representationDimension == 32)
        var config = DeepSVDDConfiguration()
        config.pretrainingEpochs = 1
        config.epochs = 1
        config.batchSize = 3
        let result = try DeepSVDD.train(on: x, architecture: architecture, configuration: config)
        #expect(result.model.center.count == 32)
        let scores = try result.model.scores(x)
        #expect(scores.count == 6 && scores.allSatisfy { $0.isFinite && $0 >= 0 })
        // The decoder mirrors the encoder back to 1×32×32.
        var net = Sequential(layers: architecture.encoderLayers() + architecture.decoderLayers(), generator: &g)
        #expect(net.forward(x, mode: .training).output.shape == [6, 1, 32, 32])
        #expect(DeepSVDDArchitecture.greyImages128.representationDimension == 512)
    }

    @Test func invalidInputsThrowTypedErrors() {
        let p = Self.syntheticProblem(seed: 8)
        #expect(throws: DeepSVDDError.shapeMismatch(expected: [200, 16], actual: [200, 8, 2])) {
            try DeepSVDD.train(on: p.train.reshaped([200, 8, 2]), architecture: Self.smallMLP)
        }
        #expect(throws: DeepSVDDError.emptyTrainingSet) {
            try DeepSVDD.train(on: Tensor(shape: [0, 16]), architecture: Self.smallMLP)
        }
        #expect(throws: DeepSVDDError.tooFewSamples(minimum: 2, actual: 1)) {
            try DeepSVDD.train(on: p.train.samples(0..<1), architecture: Self.smallMLP)
        }
        var bad = p.train
        bad.values[16 * 7 + 3] = .nan
        #expect(throws: DeepSVDDError.nonFiniteValue(sample: 7)) {
            try DeepSVDD.train(on: bad, architecture: Self.smallMLP)
        }
        for change in [{ (c: inout DeepSVDDConfiguration) in c.objective = .softBoundary(nu: 0) },
                       { $0.objective = .softBoundary(nu: 1.5) }, { $0.batchSize = 1 }, { $0.epochs = -1 },
                       { $0.learningRate = 0 }, { $0.weightDecay = .nan }] {
            var config = DeepSVDDConfiguration()
            change(&config)
            #expect(throws: DeepSVDDError.self) { try DeepSVDD.train(on: p.train, architecture: Self.smallMLP, configuration: config) }
        }
        #expect(throws: DeepSVDDError.self) {
            try DeepSVDD.train(on: Tensor(shape: [2, 1, 48, 48]), architecture: .convolutional(imageSize: 48))
        }
        var config = DeepSVDDConfiguration()
        config.epochs = 1
        let model = try? DeepSVDD.train(on: p.train, architecture: Self.smallMLP, configuration: config).model
        #expect(throws: DeepSVDDError.nonFiniteValue(sample: 7)) { try model?.scores(bad) }
        #expect(throws: DeepSVDDError.self) { try model?.scores(Tensor(shape: [3, 15])) }
    }
}
