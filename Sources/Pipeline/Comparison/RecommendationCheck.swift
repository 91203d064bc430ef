import ArrayFormats
import Thresholding

/// How the recommended threshold did on the test labels it never saw: its balanced-accuracy
/// regret against the test oracle, and its rank among the good-only strategies.
public struct RecommendationCheck: Sendable, Hashable {
    /// The oracle's best balanced accuracy minus the recommended threshold's; 0 is perfect.
    public var regret: Double
    /// 1 for the best good-only strategy by test balanced accuracy; ties share the better rank.
    public var rank: Int
    /// How many good-only strategies were ranked (those that could be fitted; not the oracles nor `batch-*`).
    public var of: Int

    /// The check of `recommended` in `comparison`, or nil when it or the oracle has no test metrics.
    /// - Complexity: O(s) for s strategies.
    public init?(_ comparison: StrategyComparison, recommended: String) {
        let ba = { (e: StrategyComparison.Entry) in e.counts?.balancedAccuracy }
        guard let mine = comparison.entries.first(where: { $0.name == recommended && !$0.isOracle }).flatMap(ba),
              let best = comparison.entries.first(where: { $0.name == "oracle-best-balanced-accuracy" }).flatMap(ba)
        else { return nil }
        let goodOnly = comparison.entries.filter(\.isGoodOnly).compactMap(ba)
        regret = max(0, best - mine)
        rank = 1 + goodOnly.count { $0 > mine }
        of = goodOnly.count
    }

    /// `{"regret", "rank", "of"}`.
    public var json: JSONValue {
        .object([("regret", .number(regret)), ("rank", .number(Double(rank))), ("of", .number(Double(of)))])
    }
}
