/// What the registry knows about one threshold strategy: its key, family, parameters and inputs.
///
/// A strategy declares itself once, here, and every command, the comparison and the help
/// text read the declaration. Adding a strategy is its own file (the `Threshold` conformer
/// with its `descriptor`) plus one line in ``StrategyRegistry/standard``.
public struct StrategyDescriptor: Sendable {
    /// How a strategy chooses its cut-off, in the README's four families (plus the oracle's).
    public enum Family: String, Sendable, Hashable, CaseIterable {
        /// A fixed number.
        case manual
        /// From labelled anomalous scores, real or synthetic (adaptive F1).
        case supervised
        /// From good scores alone, with a distribution-free false-alarm statement (conformal, EVT).
        case normalScore = "normal-score"
        /// From good scores alone, assuming a shape (Gaussian, MAD, IQR, log-normal).
        case parametric
        /// From good scores against synthetic anomalies made from good images.
        case synthetic
        /// From good scores and an unlabelled batch of production scores.
        case batch
        /// Chooses among the other good-only strategies from their estimated error rates (`recommended`).
        case recommendation
    }

    /// The stable key in reports and on the command line, e.g. `conformal`.
    public var key: String
    public var family: Family
    /// One line for help and the README table.
    public var summary: String
    /// Its settings, each declared once with type, default and help.
    public var parameters: [ParameterSpec]
    /// The scores its `fit` needs.
    public var reads: ThresholdInput
    private let build: @Sendable (ParameterValues) throws(ParameterError) -> any Threshold

    public init(key: String, family: Family, summary: String, parameters: [ParameterSpec], reads: ThresholdInput,
                make: @escaping @Sendable (ParameterValues) throws(ParameterError) -> any Threshold) {
        self.key = key
        self.family = family
        self.summary = summary
        self.parameters = parameters
        self.reads = reads
        self.build = make
    }

    /// The strategy with `values` (defaults for what is not given).
    /// - Throws: ``ParameterError`` for a missing required value or a combination the strategy refuses.
    public func make(_ values: ParameterValues) throws(ParameterError) -> any Threshold {
        for spec in parameters where spec.isRequired && values.value(spec.key) == nil {
            throw ParameterError(key: spec.key, text: "", expected: "\(key) needs --\(spec.key) \(spec.valueName)")
        }
        return try build(values)
    }

    /// The strategy with every parameter at its default.
    /// - Throws: ``ParameterError`` when a parameter is required (manual's value).
    public func make() throws(ParameterError) -> any Threshold { try make(ParameterValues(parameters)) }

    /// Empty `values` for this strategy's parameters, ready to `set`.
    public var emptyValues: ParameterValues { ParameterValues(parameters) }
}

extension ParameterSpec {
    /// α, shared by every strategy that aims at a false-alarm rate.
    public static let alpha = ParameterSpec.number(
        "alpha", "A", default: 0.05, in: .open(0, 1),
        help: "Target false-alarm rate on new good samples.")
}
