extension DeepSVDD {
    /// The arrays that fix the trained encoder's output exactly, for storing a model: each
    /// weighted layer's weights, and each batch-norm layer's running mean then running
    /// variance, in layer order.
    public var parameters: [[Float]] { network.state }

    /// The length of each array `parameters` returns for `architecture`.
    public static func parameterSizes(for architecture: DeepSVDDArchitecture) -> [Int] {
        Sequential.stateSizes(of: architecture.encoderLayers())
    }

    /// A trained model rebuilt from stored parts; its scores equal the original's bit for bit.
    /// - Parameters:
    ///   - parameters: as `parameters` returned them.
    /// - Throws: `invalidConfiguration` naming what does not fit the architecture: the number or a
    ///   size of the arrays, the centre's length, a non-finite value or a negative radius.
    public init(architecture: DeepSVDDArchitecture, objective: DeepSVDDObjective, center: [Float], radius: Double,
                parameters: [[Float]]) throws(DeepSVDDError) {
        try architecture.validate()
        // Sizes come from the layer shapes alone, so a stored architecture claiming huge layers
        // is refused by the comparison below instead of by an allocation.
        let layers = architecture.encoderLayers()
        let sizes = Sequential.stateSizes(of: layers)
        guard parameters.count == sizes.count else {
            throw .invalidConfiguration("expected \(sizes.count) parameter arrays for this architecture, got \(parameters.count)")
        }
        if let bad = parameters.indices.first(where: { parameters[$0].count != sizes[$0] }) {
            throw .invalidConfiguration("parameter array \(bad) holds \(parameters[bad].count) values, expected \(sizes[bad])")
        }
        if let bad = parameters.firstIndex(where: { !$0.allSatisfy(\.isFinite) }) {
            throw .invalidConfiguration("parameter array \(bad) holds a NaN or infinite value")
        }
        guard center.count == architecture.representationDimension else {
            throw .invalidConfiguration("centre has \(center.count) coordinates, expected \(architecture.representationDimension)")
        }
        guard center.allSatisfy(\.isFinite), radius.isFinite, radius >= 0 else {
            throw .invalidConfiguration("centre and radius must be finite, and the radius non-negative")
        }
        guard let network = Sequential(layers: layers, state: parameters) else {
            throw .invalidConfiguration("the parameter arrays do not fit the architecture")
        }
        self.init(architecture: architecture, objective: objective, center: center, radius: radius, network: network)
    }
}

extension DeepSVDDScorer {
    /// A fitted scorer around a trained (e.g. restored) model.
    public init(restoring model: DeepSVDD, configuration: DeepSVDDConfiguration = DeepSVDDConfiguration()) {
        self.init(architecture: model.architecture, configuration: configuration)
        self.model = model
    }
}
