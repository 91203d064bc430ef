import Testing
@testable import Pipeline

@Suite struct FeatureCacheEnvironmentTests {
    static let variable = "THRESHOLDKIT_CACHE_MAX_MB"

    @Test func theCapIsTwoGiBUnlessTheVariableSaysOtherwise() throws {
        #expect(FeatureCache.defaultMaxBytes == 2_147_483_648)
        #expect(try FeatureCache.maxBytes(environment: [:]) == 2_147_483_648)
        #expect(try FeatureCache.maxBytes(environment: [Self.variable: ""]) == 2_147_483_648)
        #expect(try FeatureCache.maxBytes(environment: [Self.variable: "512"]) == 536_870_912)
        #expect(try FeatureCache.maxBytes(environment: [Self.variable: "0.5"]) == 524_288)
        #expect(try FeatureCache.maxBytes(environment: [Self.variable: "007"]) == 7_340_032)
        #expect(try FeatureCache.maxBytes(environment: [Self.variable: "1" + String(repeating: "0", count: 30)]) == Int.max)
    }

    @Test func configuredUsesTheFolderAndCapAndZeroTurnsTheCacheOff() throws {
        let cache = try #require(try FeatureCache.configured(environment: ["THRESHOLDKIT_CACHE": "/c", Self.variable: "1"]))
        #expect(cache.directory == "/c")
        #expect(cache.maxBytes == 1_048_576)
        #expect(try FeatureCache.configured(environment: ["THRESHOLDKIT_CACHE": "/c", Self.variable: "0"]) == nil)
        #expect(try FeatureCache.configured(environment: ["THRESHOLDKIT_CACHE": "/c", Self.variable: "0.0"]) == nil)
        #expect(try FeatureCache.configured(environment: ["HOME": "/h"])?.maxBytes == FeatureCache.defaultMaxBytes)
    }

    @Test(arguments: ["abc", "1e3", "0x10", "1.2.3", ".", " 5", "5 ", "nan", "inf", "+5", "5MB", "١٢"])
    func aValueThatIsNotANumberIsAnErrorNamingTheVariable(_ value: String) {
        #expect(throws: FeatureCacheError.invalidVariable(
            name: Self.variable, value: value, expected: "a size in MiB, a number ≥ 0 such as 2048 (0 turns the cache off)")) {
            try FeatureCache.maxBytes(environment: [Self.variable: value])
        }
    }

    @Test(arguments: ["-5", "-0.5", "-0"])
    func aNegativeValueIsAnErrorSayingSo(_ value: String) throws {
        let error = try #require(throws: FeatureCacheError.self) { try FeatureCache.configured(environment: [Self.variable: value]) }
        #expect(error.description == "$THRESHOLDKIT_CACHE_MAX_MB = '\(value)' is invalid: expected a size in MiB, "
                + "a number ≥ 0 such as 2048 (0 turns the cache off); it cannot be negative")
    }
}
