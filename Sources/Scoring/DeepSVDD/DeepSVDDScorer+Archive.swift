import ArrayFormats

extension DeepSVDDScorer: ArchivableScorer {
    public static let kind = "svdd"

    /// The architecture, objective, radius and training settings, plus the centre and every
    /// weight and batch-norm running statistic (`svdd_center`, `svdd_parameter_<i>`), bit for bit.
    /// - Throws: ``ScoringError/notFitted``.
    public func archived() throws(ScoringError) -> ArchiveRecord {
        guard let model else { throw .notFitted }
        var record = ArchiveRecord(settings: [
            "architecture": Self.json(model.architecture), "objective": Self.json(model.objective),
            "radius": .number(model.radius), "parameter_arrays": .number(Double(model.parameters.count)),
            "training": [
                "epochs": .number(Double(configuration.epochs)), "batch_size": .number(Double(configuration.batchSize)),
                "learning_rate": .number(Double(configuration.learningRate)),
                "weight_decay": .number(Double(configuration.weightDecay)),
                "pretraining_epochs": .number(Double(configuration.pretrainingEpochs)),
                "seed": .string(String(configuration.seed)),
            ],
        ])
        record.append("svdd_center", NPYArray(model.center))
        for (i, p) in model.parameters.enumerated() { record.append("svdd_parameter_\(i)", NPYArray(p)) }
        return record
    }

    /// Rebuilds the trained network; the stored architecture is checked before anything is sized from it.
    public init(restoring record: ArchiveRecord) throws(ScoringError) {
        let (architecture, objective, configuration, radius, parameters, center) = try record.reading { r throws(ArchiveFieldError) in
            let architecture: DeepSVDDArchitecture
            switch try r.choice("architecture", "type", from: ["mlp", "conv"]) {
            case "mlp":
                architecture = .multilayerPerceptron(
                    inputDimension: try r.int("architecture", "input", in: 1...(1 << 26)),
                    hiddenDimensions: try r.ints("architecture", "hidden", in: 1...(1 << 26)),
                    representationDimension: try r.int("architecture", "representation", in: 1...(1 << 26)))
            default:
                architecture = .convolutional(imageSize: try r.int("architecture", "image_size", in: 32...4096))
            }
            let objective: DeepSVDDObjective = try r.choice("objective", "type", from: ["one-class", "soft-boundary"]) == "one-class"
                ? .oneClass : .softBoundary(nu: try r.double("objective", "nu"))
            var configuration = DeepSVDDConfiguration()
            configuration.objective = objective
            configuration.epochs = try r.int("training", "epochs", in: 0...Int(Int32.max))
            configuration.batchSize = try r.int("training", "batch_size", in: 2...Int(Int32.max))
            configuration.learningRate = Float(try r.double("training", "learning_rate"))
            configuration.weightDecay = Float(try r.double("training", "weight_decay"))
            configuration.pretrainingEpochs = try r.int("training", "pretraining_epochs", in: 0...Int(Int32.max))
            configuration.seed = try r.seed("training", "seed")
            let radius = try r.double("radius")
            let count = try r.int("parameter_arrays", in: 0...1000)
            var parameters: [[Float]] = []
            for i in 0..<count { parameters.append(try r.floats("svdd_parameter_\(i)", shape: [nil]).values) }
            let center = try r.floats("svdd_center", shape: [nil]).values
            return (architecture, objective, configuration, radius, parameters, center)
        }
        do throws(DeepSVDDError) {
            let model = try DeepSVDD(architecture: architecture, objective: objective, center: center,
                                     radius: radius, parameters: parameters)
            self.init(architecture: architecture, configuration: configuration)
            self.model = model
        } catch {
            throw ScoringError(error)
        }
    }

    static func json(_ architecture: DeepSVDDArchitecture) -> JSONValue {
        switch architecture {
        case let .multilayerPerceptron(input, hidden, representation):
            return ["type": "mlp", "input": .number(Double(input)), "hidden": .array(hidden.map { .number(Double($0)) }),
                    "representation": .number(Double(representation))]
        case let .convolutional(size):
            return ["type": "conv", "image_size": .number(Double(size))]
        }
    }

    static func json(_ objective: DeepSVDDObjective) -> JSONValue {
        switch objective {
        case .oneClass: return ["type": "one-class"]
        case let .softBoundary(nu): return ["type": "soft-boundary", "nu": .number(nu)]
        }
    }
}
