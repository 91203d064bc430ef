import Foundation

/// A dataset in the MVTec AD layout: `train/good`, `test/good`, `test/<defect>`, `ground_truth/<defect>/<name>_mask.png`.
///
/// Only paths are gathered here; decoding happens later so unreadable files
/// can be reported by name and skipped or fatal, as the caller chooses.
public struct MVTecDataset: Sendable, Hashable {
    /// One labelled test image.
    public struct TestImage: Sendable, Hashable {
        public var path: String
        /// `good` or the defect folder's name.
        public var category: String
        public var isAnomalous: Bool { category != "good" }
        /// The ground-truth mask, when the layout has one.
        public var maskPath: String?
    }

    public var root: String
    /// Good training images, sorted by path.
    public var trainGood: [String]
    /// Test images: good first, then each defect type in name order, each sorted by path.
    public var test: [TestImage]

    /// The file extensions treated as images.
    public static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "bmp", "pnm", "ppm", "pgm"]

    /// Reads the layout under `root`.
    ///
    /// - Throws: ``PipelineError/invalidInput(name:value:expected:)`` when `root`
    ///   or `train/good` is missing, and ``PipelineError/tooFewSamples(step:needed:got:)``
    ///   when a required folder holds no images.
    public static func load(root: String) throws(PipelineError) -> MVTecDataset {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: root, isDirectory: &isDir), isDir.boolValue else {
            throw .invalidInput(name: "dataset", value: root, expected: "a folder in the MVTec AD layout (train/good, test/good, test/<defect>)")
        }
        let trainDir = root + "/train/good"
        guard fm.fileExists(atPath: trainDir) else {
            throw .invalidInput(name: "dataset", value: root, expected: "a train/good folder of good images")
        }
        let train = images(in: trainDir)
        guard !train.isEmpty else { throw .tooFewSamples(step: "\(trainDir): training images", needed: 1, got: 0) }
        var test: [TestImage] = []
        let testDir = root + "/test"
        let categories = ((try? fm.contentsOfDirectory(atPath: testDir)) ?? [])
            .filter { var d: ObjCBool = false; return fm.fileExists(atPath: testDir + "/" + $0, isDirectory: &d) && d.boolValue }
            .sorted { ($0 == "good" ? 0 : 1, $0) < ($1 == "good" ? 0 : 1, $1) }
        for category in categories {
            for path in images(in: testDir + "/" + category) {
                let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
                let mask = root + "/ground_truth/\(category)/\(stem)_mask.png"
                test.append(TestImage(path: path, category: category, maskPath: fm.fileExists(atPath: mask) ? mask : nil))
            }
        }
        return MVTecDataset(root: root, trainGood: train, test: test)
    }

    /// Image files directly inside `dir`, sorted; hidden files skipped.
    static func images(in dir: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { !$0.hasPrefix(".") && imageExtensions.contains(($0 as NSString).pathExtension.lowercased()) }
            .sorted().map { dir + "/" + $0 }
    }

    /// Image files anywhere below `dir`, in sorted path order; hidden files and folders skipped,
    /// symbolic links to folders not followed (so a link cycle cannot loop).
    /// - Complexity: one directory listing per folder below `dir`.
    static func images(below dir: String) -> [String] {
        let fm = FileManager.default
        var found: [String] = []
        let names = ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        for name in names {
            let path = dir + "/" + name
            let type = (try? fm.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
            if type == .typeDirectory {
                found += images(below: path)
            } else if imageExtensions.contains((name as NSString).pathExtension.lowercased()) {
                found.append(path)
            }
        }
        return found
    }

    /// The test images labelled good and anomalous.
    public var testGood: [TestImage] { test.filter { !$0.isAnomalous } }
    public var testAnomalous: [TestImage] { test.filter(\.isAnomalous) }
}
