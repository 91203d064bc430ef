/// The only globals a weights file may name (REFERENCE §7); anything else is rejected.
public enum PickleGlobal: String, Sendable, Hashable, CaseIterable {
    case orderedDict = "collections OrderedDict"
    case rebuildTensorV2 = "torch._utils _rebuild_tensor_v2"
    case floatStorage = "torch FloatStorage"
    case longStorage = "torch LongStorage"
}
