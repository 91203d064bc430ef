/// The threshold strategies a command can name, in the order reports list them.
///
/// ```swift
/// let conformal = try StrategyRegistry.standard["conformal"]!.make()
/// let mine = StrategyRegistry.standard.adding(MyThreshold.descriptor)
/// ```
public struct StrategyRegistry: Sendable {
    public private(set) var descriptors: [StrategyDescriptor]

    public init(_ descriptors: [StrategyDescriptor]) { self.descriptors = descriptors }

    /// Every strategy ThresholdKit ships: one line each.
    public static let standard = StrategyRegistry([
        ManualThreshold.descriptor,
        AdaptiveF1Threshold.descriptor,
        ConformalThreshold.descriptor,
        ConditionalConformalThreshold.descriptor,
        EVTThreshold.descriptor,
        GaussianThreshold.descriptor,
        MADThreshold.descriptor,
        IQRThreshold.descriptor,
        LognormalThreshold.descriptor,
        SyntheticAnomalyThreshold.balancedAccuracyDescriptor,
        SyntheticAnomalyThreshold.f1Descriptor,
        SyntheticAnomalyThreshold.balancedAccuracyWithinFPRDescriptor,
        RecommendedThreshold.descriptor,
        BatchMixtureThreshold.descriptor,
    ])

    /// The strategy with this key, if registered.
    public subscript(key: String) -> StrategyDescriptor? { descriptors.first { $0.key == key } }

    /// Every key, in order.
    public var keys: [String] { descriptors.map(\.key) }

    /// The registry with `descriptor` added at the end (or replacing one with the same key).
    public func adding(_ descriptor: StrategyDescriptor) -> StrategyRegistry {
        var copy = self
        if let i = copy.descriptors.firstIndex(where: { $0.key == descriptor.key }) {
            copy.descriptors[i] = descriptor
        } else {
            copy.descriptors.append(descriptor)
        }
        return copy
    }

    /// The strategies whose inputs are among `available`.
    public func reading(_ available: Set<ThresholdInput>) -> [StrategyDescriptor] {
        descriptors.filter { available.contains($0.reads) }
    }

    /// Every parameter of every strategy, each key once (the first declaration wins), for option lists.
    public var allParameters: [ParameterSpec] {
        var seen = Set<String>()
        return descriptors.flatMap(\.parameters).filter { seen.insert($0.key).inserted }
    }
}
