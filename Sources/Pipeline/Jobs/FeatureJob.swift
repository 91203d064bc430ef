import ArrayFormats
import Features

/// `thresholdkit features` as a value: images in, an N×D float32 `.npy` and its path list out.
public struct FeatureJob: Sendable {
    public var inputs: [String]
    /// The matrix to write; the path list goes to `<out>.paths.txt`, a name no other output takes.
    public var outputPath: String
    public var preset: String
    public var weightsPath: String?
    public var cache: FeatureCache?
    public var unreadable: UnreadablePolicy = .fail

    public init(inputs: [String], outputPath: String, preset: String = "efficientnet-lite0") {
        self.inputs = inputs
        self.outputPath = outputPath
        self.preset = preset
    }

    /// The path list beside the matrix.
    public var listingPath: String { outputPath + ".paths.txt" }

    public struct Outcome: Sendable {
        public var rows: Int
        public var dimension: Int
        public var identifier: String
        public var paths: [String]
        public var warnings: [String]
    }

    /// Extracts every image's vector, rows in sorted path order, and writes both files.
    /// - Throws: ``PipelineError`` naming the file or step that failed.
    public func run(progress: @escaping PipelineProgress = { _, _, _ in }) throws(PipelineError) -> Outcome {
        guard case let .images(found) = try InputSet.resolve(inputs) else {
            throw .invalidInput(name: "input", value: inputs[0], expected: "images or folders of images (it already holds feature vectors)")
        }
        try OutputGuard.check(outputPath, option: "--out", inputs: found, force: true, mayReplace: { _ in true })
        let paths = Array(Set(found)).sorted()
        let extractor: any FeatureExtractor
        do throws(FeaturesError) { extractor = try ExtractorRegistry.standard.make(preset: preset, weightsPath: weightsPath) } catch {
            throw .features(error)
        }
        let table = try FeatureTable.extract(paths, extractor: extractor, cache: cache, unreadable: unreadable,
                                             progress: { progress("features", $0, $1) })
        guard table.batch.count > 0 else {
            throw .invalidInput(name: "input", value: inputs[0], expected: "readable images (none of the \(paths.count) could be decoded)")
        }
        guard table.batch.isVectors else {
            throw .invalidSetting(name: "features", value: preset, expected: "a preset that gives one vector per image")
        }
        do throws(ArrayFormatError) {
            try NPY.write(NPYArray(rows: table.batch.count, columns: extractor.dimension, values: table.batch.rows.elements), to: outputPath)
            try AtomicFile.write(Array(table.paths.map { $0 + "\n" }.joined().utf8), to: listingPath)
        } catch { throw .file(error) }
        return Outcome(rows: table.batch.count, dimension: extractor.dimension, identifier: extractor.identifier,
                       paths: table.paths, warnings: table.skipped.map { "skipped \($0.path): \($0.reason)" } + table.warnings)
    }
}
