/// A point in EfficientNet-Lite0 whose activation can be read out as a feature map.
///
/// `stageN` is the output of the last block of stage N (REFERENCE §7's table); `stem` is
/// the stem's output and `head` the 1280-channel map before pooling. Strides are for input
/// sides divisible by 32; other sides round up at every stride-2 layer (TF "SAME").
///
/// | layer | channels | stride | grid at 256 |
/// |---|---|---|---|
/// | stem | 32 | 2 | 128 |
/// | stage1 | 16 | 2 | 128 |
/// | stage2 | 24 | 4 | 64 |
/// | stage3 | 40 | 8 | 32 |
/// | stage4 | 80 | 16 | 16 |
/// | stage5 | 112 | 16 | 16 |
/// | stage6 | 192 | 32 | 8 |
/// | stage7 | 320 | 32 | 8 |
/// | head | 1280 | 32 | 8 |
public enum EfficientNetLayer: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case stem, stage1, stage2, stage3, stage4, stage5, stage6, stage7, head

    /// PatchCore's default pair for this network: stride 8 and stride 16, 40 + 112 = 152 channels.
    public static let patchCoreDefault: [EfficientNetLayer] = [.stage3, .stage5]

    /// Parses a name such as `stage3`.
    /// - Throws: ``FeaturesError/unknownLayer(name:)``, whose message lists the valid names.
    public init(name: String) throws(FeaturesError) {
        guard let layer = EfficientNetLayer(rawValue: name) else { throw .unknownLayer(name: name) }
        self = layer
    }

    public var description: String { rawValue }

    /// The number of channels of the map.
    public var channels: Int {
        switch self {
        case .stem: return 32
        case .head: return EfficientNetLite0.featureDimension
        default: return EfficientNetLite0.stages[stageIndex].outputs
        }
    }

    /// How many input pixels one map pixel steps over, for sides divisible by 32.
    public var stride: Int {
        var s = 2  // the stem
        for stage in EfficientNetLite0.stages.prefix(blocksBefore == 0 ? 0 : stageIndex + 1) { s *= stage.stride }
        return s
    }

    /// The map's height and width for a network input of `height` × `width`.
    /// - Complexity: O(blocks).
    public func gridSize(inputHeight height: Int, inputWidth width: Int) -> (height: Int, width: Int) {
        var h = SamePadding(input: height, kernel: 3, stride: 2).output
        var w = SamePadding(input: width, kernel: 3, stride: 2).output
        for shape in EfficientNetLite0.blockShapes.prefix(blocksBefore) {
            h = SamePadding(input: h, kernel: shape.kernel, stride: shape.stride).output
            w = SamePadding(input: w, kernel: shape.kernel, stride: shape.stride).output
        }
        return (h, w)
    }

    /// The number of MBConv blocks that run before the tap (all 16 for `stage7` and `head`).
    var blocksBefore: Int {
        switch self {
        case .stem: return 0
        case .head: return EfficientNetLite0.blockShapes.count
        default: return EfficientNetLite0.stages.prefix(stageIndex + 1).reduce(0) { $0 + $1.repeats }
        }
    }

    /// 0 for `stage1` … 6 for `stage7`; only meaningful for the stages.
    private var stageIndex: Int {
        switch self {
        case .stem, .stage1: return 0
        case .stage2: return 1
        case .stage3: return 2
        case .stage4: return 3
        case .stage5: return 4
        case .stage6: return 5
        case .stage7, .head: return 6
        }
    }
}
