import Imaging
import Randomness

/// The built-in demo set: generated good images and test defects, no download needed.
public struct DemoDataset: Sendable {
    public var trainGood: [Image]
    public var testGood: [Image]
    /// Test defects with their kind (`scratch`, `spot`, `missing-patch`, `colour-shift`).
    public var testDefects: [(kind: String, image: Image)]

    /// Generates the set; the same seed gives the same bytes.
    ///
    /// Severities are spread from subtle to obvious, so no threshold gets every
    /// defect and the choice of strategy matters.
    public static func generate(seed: UInt64, trainCount: Int = 200, testGoodCount: Int = 60, defectsPerKind: Int = 15, size: Int = 64) -> DemoDataset {
        var g = SeededGenerator(seed: seed)
        let texture = TextureGenerator(size: size)
        let train = (0..<trainCount).map { _ in texture.goodImage(&g) }
        let good = (0..<testGoodCount).map { _ in texture.goodImage(&g) }
        var defects: [(String, Image)] = []
        for kind in DemoDefect.allCases {
            for i in 0..<defectsPerKind {
                let severity = 0.15 + 0.85 * Double(i) / Double(max(1, defectsPerKind - 1))
                defects.append((kind.rawValue, kind.apply(to: texture.goodImage(&g), severity: severity, &g)))
            }
        }
        return DemoDataset(trainGood: train, testGood: good, testDefects: defects)
    }
}
