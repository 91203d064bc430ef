import Foundation
import Imaging

extension DemoDataset {
    /// Writes the set as PNGs in the MVTec layout under `root`, so the regular pipeline reads it like any dataset.
    ///
    /// - Throws: ``PipelineError`` naming a file that could not be written.
    public func write(to root: String) throws(PipelineError) {
        func save(_ image: Image, _ relative: String) throws(PipelineError) {
            let path = root + "/" + relative
            do {
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            } catch { throw .unwritable(path: path, reason: error.localizedDescription) }
            do throws(ImagingError) { try ImageFile.write(image, to: path) } catch { throw .imaging(error) }
        }
        for (i, image) in trainGood.enumerated() { try save(image, String(format: "train/good/%03d.png", i)) }
        for (i, image) in testGood.enumerated() { try save(image, String(format: "test/good/%03d.png", i)) }
        var counters: [String: Int] = [:]
        for (kind, image) in testDefects {
            let i = counters[kind, default: 0]
            counters[kind] = i + 1
            try save(image, String(format: "test/\(kind)/%03d.png", i))
        }
    }
}
