import Foundation

extension FeatureCache {
    /// The variable that caps the cache, in MiB (2048 when unset; 0 turns the cache off).
    public static let maxSizeVariable = "THRESHOLDKIT_CACHE_MAX_MB"

    /// The cache the environment describes: ``defaultDirectory(environment:)`` capped at
    /// `$THRESHOLDKIT_CACHE_MAX_MB` MiB, or nil when that is 0 (no cache at all).
    /// - Throws: ``FeatureCacheError/invalidVariable(name:value:expected:)`` when the cap is not a number ≥ 0.
    public static func configured(environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(FeatureCacheError) -> FeatureCache? {
        let cap = try maxBytes(environment: environment)
        return cap == 0 ? nil : FeatureCache(directory: defaultDirectory(environment: environment), maxBytes: cap)
    }

    /// The cap `$THRESHOLDKIT_CACHE_MAX_MB` sets, in bytes (1 MiB = 2²⁰ bytes); ``defaultMaxBytes``
    /// when it is unset or empty.
    ///
    /// Accepts decimal digits with an optional fraction (`512`, `0.5`); a cap too large for
    /// an `Int` is `Int.max`.
    /// - Throws: ``FeatureCacheError/invalidVariable(name:value:expected:)`` for anything else,
    ///   a negative number included.
    public static func maxBytes(environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(FeatureCacheError) -> Int {
        guard let text = environment[maxSizeVariable], !text.isEmpty else { return defaultMaxBytes }
        let expected = "a size in MiB, a number ≥ 0 such as 2048 (0 turns the cache off)"
        if text.hasPrefix("-"), Double(text.dropFirst()) != nil {
            throw .invalidVariable(name: maxSizeVariable, value: text, expected: expected + "; it cannot be negative")
        }
        let isDecimal = text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") } && text.filter { $0 == "." }.count <= 1
        guard isDecimal, text != ".", let mebibytes = Double(text) else {
            throw .invalidVariable(name: maxSizeVariable, value: text, expected: expected)
        }
        let bytes = (mebibytes * 1_048_576).rounded(.down)
        return bytes >= Double(Int.max) ? Int.max : Int(bytes)
    }
}
