import Foundation

/// Where the read-only reference data lives: `$THRESHOLDKIT_SHARED`, or `../shared` beside the package.
///
/// Every test target that checks against real data finds it here, and skips those checks
/// (with a stated reason) when it is absent, so a fresh clone still passes.
public enum SharedReference {
    public static let root: URL = {
        if let env = ProcessInfo.processInfo.environment["THRESHOLDKIT_SHARED"] { return URL(fileURLWithPath: env) }
        // Tests/TestSupport/SharedReference.swift → package root → ../shared
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url = url.deletingLastPathComponent() }
        return url.appendingPathComponent("shared")
    }()

    /// The absolute path of `relative` inside the reference folder.
    public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// Whether `relative` exists inside the reference folder.
    public static func has(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path(relative)) }

    /// The reason shown for skipped real-data checks.
    public static let skipReason = "../shared is absent: real-data checks skipped"
}
