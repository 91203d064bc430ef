import Testing
@testable import Pipeline
import Thresholding

@Suite struct ChartStyleTests {
    /// Up to sixteen strategies get sixteen colours, none a score group's, and twelve marker shapes.
    @Test func stylesDifferAndAvoidTheSeriesColours() {
        let styles = (0..<16).map { ChartPalette.style(index: $0, name: "s\($0)", family: .normalScore) }
        #expect(Set(styles.map(\.color)).count == 16)
        #expect(Set(styles.map(\.color)).isDisjoint(with: ChartPalette.seriesColors))
        #expect(Set(styles.prefix(12).map(\.marker)).count == 12)
        // Past sixteen the colours repeat but the (colour, shape) pair does not.
        let many = (0..<48).map { ChartPalette.style(index: $0, name: "s\($0)", family: .normalScore) }
        #expect(Set(many.map { "\($0.color) \($0.marker)" }).count == 48)
    }

    /// The strategies `compare --dataset` fits, and the oracles, have distinct short labels.
    @Test func everyComparedStrategyHasItsOwnShortLabel() {
        let names = DatasetComparison(datasetPath: "").comparedStrategies().map(\.name) + StrategyComparison.oracles.map(\.name)
        let labels = names.map(ChartPalette.shortLabel)
        #expect(Set(labels).count == names.count, "\(labels)")
        #expect(labels.allSatisfy { $0.count <= 8 })
        #expect(ChartPalette.shortLabel("a-very-long-strategy") == "a-ver-lon-str")
    }

    /// A line's dash says where its threshold came from: each family its own pattern.
    @Test func everyFamilyHasItsOwnDashPattern() {
        let families: [ThresholdFamily] = [.normalScore, .parametric, .synthetic, .transductive, .oracle]
        let dashes = families.map { ChartPalette.dash(family: $0) ?? "solid" }
        #expect(Set(dashes).count == families.count, "\(dashes)")
    }

    @Test func aTransductiveEntryIsDrawnInItsOwnFamily() throws {
        let c = try StrategyComparison(strategies: [ConformalThreshold(alpha: 0.1), MADThreshold(), BatchMixtureThreshold()],
                                       calibration: (0..<30).map(Double.init), testNormal: [0, 1, 2], testAnomalous: [50, 60])
        #expect(c.entries.map { ReportWriter.family($0) } == [.normalScore, .parametric, .transductive, .oracle, .oracle])
    }
}
