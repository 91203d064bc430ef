import Randomness
import Scoring
import Testing

struct DeepSVDDParametersTests {
    static let mlp = DeepSVDDArchitecture.multilayerPerceptron(inputDimension: 6, hiddenDimensions: [10], representationDimension: 4)

    static func trained(_ architecture: DeepSVDDArchitecture = mlp, objective: DeepSVDDObjective = .oneClass,
                        samples: Int = 40) throws -> (DeepSVDD, Tensor) {
        let shape = architecture.sampleShape
        let size = shape.reduce(1, *)
        let x = Tensor(shape: [samples] + shape, values: DeepSVDDTestSupport.gaussian(samples * size, seed: 21))
        var config = DeepSVDDConfiguration()
        config.epochs = 3
        config.objective = objective
        config.warmUpEpochs = 1
        config.seed = 4
        return (try DeepSVDD.train(on: x, architecture: architecture, configuration: config) { _ in }.model, x)
    }

    @Test(arguments: [DeepSVDDObjective.oneClass, .softBoundary(nu: 0.2)])
    func restoredModelScoresBitIdentically(objective: DeepSVDDObjective) throws {
        let (model, x) = try Self.trained(objective: objective)
        // Linear weights, then batch-norm mean and variance, then the last linear layer.
        #expect(model.parameters.map(\.count) == [60, 10, 10, 40])
        #expect(DeepSVDD.parameterSizes(for: Self.mlp) == [60, 10, 10, 40])
        let copy = try DeepSVDD(architecture: Self.mlp, objective: objective, center: model.center, radius: model.radius,
                                parameters: model.parameters)
        #expect(try copy.scores(x).map(\.bitPattern) == (try model.scores(x)).map(\.bitPattern))
    }

    @Test func convolutionalModelRoundTrips() throws {
        let (model, x) = try Self.trained(.convolutional(imageSize: 32), samples: 4)
        // Five conv blocks: weights, BN mean, BN variance each.
        #expect(model.parameters.count == 15)
        let copy = try DeepSVDD(architecture: .convolutional(imageSize: 32), objective: .oneClass, center: model.center,
                                radius: model.radius, parameters: model.parameters)
        #expect(try copy.scores(x).map(\.bitPattern) == (try model.scores(x)).map(\.bitPattern))
    }

    @Test func wrongPartsAreNamed() throws {
        let (model, _) = try Self.trained()
        func message(_ body: () throws -> DeepSVDD) -> String {
            do { _ = try body(); return "" } catch { return "\(error)" }
        }
        var parameters = model.parameters
        #expect(message { try DeepSVDD(architecture: Self.mlp, objective: .oneClass, center: model.center, radius: 0,
                                       parameters: Array(parameters.dropLast())) }.contains("expected 4 parameter arrays"))
        parameters[1].removeLast()
        #expect(message { try DeepSVDD(architecture: Self.mlp, objective: .oneClass, center: model.center, radius: 0,
                                       parameters: parameters) }.contains("parameter array 1 holds 9 values, expected 10"))
        parameters = model.parameters
        parameters[3][7] = .infinity
        #expect(message { try DeepSVDD(architecture: Self.mlp, objective: .oneClass, center: model.center, radius: 0,
                                       parameters: parameters) }.contains("parameter array 3"))
        #expect(message { try DeepSVDD(architecture: Self.mlp, objective: .oneClass, center: [1, 2], radius: 0,
                                       parameters: model.parameters) }.contains("centre has 2 coordinates, expected 4"))
        #expect(message { try DeepSVDD(architecture: Self.mlp, objective: .oneClass, center: model.center, radius: -1,
                                       parameters: model.parameters) }.contains("radius"))
    }
}
