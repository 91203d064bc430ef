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
}
