import Dispatch
import Foundation
import Imaging
import Randomness
import Synthesis

/// Writes synthetic anomalies made from good images to a folder: `NAME.png` and `NAME_mask.png` (0/255).
///
/// Output i is made from input i mod n with a generator seeded from (`seed`, i), so the same
/// seed gives the same bytes however the work is spread over the cores.
public struct SynthesisJob: Sendable {
    /// Good image files, in the order outputs cycle through them.
    public var inputs: [String]
    /// Created if missing; outputs are written flat into it.
    public var outputDirectory: String
    /// The number of outputs; nil for one per input.
    public var count: Int?
    public var seed: UInt64 = 0
    /// Always applies an anomaly (probability 1).
    public var generator = PerlinAnomalyGenerator(blendRange: 0.5...1.0, probability: 1)
    /// Inputs are resized to this (antialiased bilinear) before synthesis; nil keeps their size.
    public var size: (width: Int, height: Int)?

    public init(inputs: [String], outputDirectory: String) {
        self.inputs = inputs
        self.outputDirectory = outputDirectory
    }

    /// One written anomaly.
    public struct Output: Sendable, Hashable {
        /// The file stem: the source's stem, then the output's index.
        public var name: String
        public var image: String
        public var mask: String
        public var source: String
        /// β, the blend factor used.
        public var blend: Double
        /// The fraction of pixels inside the mask.
        public var coverage: Double
    }

    /// Generates and writes every output.
    /// - Parameter progress: (done, total) after each output, from worker threads.
    /// - Throws: ``PipelineError`` naming the setting or the file: no inputs, a count below 1, an
    ///   unreadable input, an uncreatable folder or an unwritable output.
    /// - Complexity: one decode, one generation and two PNG encodes per output, on both cores.
    public func run(progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) throws(PipelineError) -> (outputs: [Output], warnings: [String]) {
        guard !inputs.isEmpty else { throw .invalidInput(name: "input", value: "(none)", expected: "at least one image") }
        let total = count ?? inputs.count
        guard total >= 1 else { throw .invalidSetting(name: "count", value: "\(total)", expected: "at least 1") }
        if let size, size.width < 1 || size.height < 1 {
            throw .invalidSetting(name: "size", value: "\(size.width)x\(size.height)", expected: "positive width and height")
        }
        do { try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true) } catch {
            throw .unwritable(path: outputDirectory, reason: "the folder cannot be created (\(error.localizedDescription))")
        }
        let digits = max(3, String(total - 1).count)
        let done = Counter()
        let job = self
        var outputs: [Output] = [], warnings: [String] = []
        // Chunks bound the memory of a large --count; within one, outputs go to both cores.
        for start in stride(from: 0, to: total, by: Self.chunkSize) {
            let count = min(Self.chunkSize, total - start)
            let results = ResultSlots<Result<(Output, [String]), PipelineError>>(count: count)
            DispatchQueue.concurrentPerform(iterations: count) { k in
                results[k] = Result { () throws(PipelineError) in try job.make(start + k, digits: digits) }
                progress(done.increment(), total)
            }
            for r in results.values {
                switch r {
                case .success(let (o, w)): outputs.append(o); warnings += w
                case .failure(let e): throw e
                }
            }
        }
        return (outputs, warnings)
    }

    static let chunkSize = 64

    private func make(_ i: Int, digits: Int) throws(PipelineError) -> (Output, [String]) {
        let path = inputs[i % inputs.count]
        let decoded: DecodedImage
        do throws(ImagingError) { decoded = try ImageFile.read(path: path) } catch { throw .imaging(error) }
        var image = decoded.image
        if let size { image = PlanarImage(image).resized(width: size.width, height: size.height).image(bitDepth: image.bitDepth) }
        var g = SeededGenerator.forItem(i, of: seed)
        let anomaly = generator.generate(from: image, using: &g)
        // The promise of every output: a non-empty mask, and an image that differs from its source inside it.
        guard !anomaly.mask.isEmpty else {
            throw .invalidInput(name: path, value: "\(image.width)×\(image.height) pixels",
                                expected: "an image large enough for a Perlin anomaly mask (this one gave an empty mask; use --size to enlarge it)")
        }
        guard anomaly.image != image else {
            throw .invalidInput(name: path, value: "an unchanged image (blend factor \(anomaly.blendFactor.map { "\($0)" } ?? "?"))",
                                expected: "a visible anomaly: raise the --blend range, which must reach above 0")
        }
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let index = String(i)
        let name = stem + "_" + String(repeating: "0", count: max(0, digits - index.count)) + index
        let imagePath = outputDirectory + "/" + name + ".png", maskPath = outputDirectory + "/" + name + "_mask.png"
        do throws(ImagingError) {
            try ImageFile.write(anomaly.image, to: imagePath)
            try ImageFile.write(anomaly.mask.image, to: maskPath)
        } catch { throw .imaging(error) }
        let output = Output(name: name, image: imagePath, mask: maskPath, source: path,
                            blend: anomaly.blendFactor ?? 0, coverage: anomaly.mask.coverage)
        return (output, decoded.warnings.map { "\(path): \($0)" })
    }

    /// Every readable image in `directory`, as an anomaly source.
    /// - Throws: when the folder holds no images, or one cannot be decoded (named).
    public static func textures(in directory: String) throws(PipelineError) -> [Image] {
        let paths = MVTecDataset.images(in: directory)
        guard !paths.isEmpty else {
            throw .invalidInput(name: "source", value: directory, expected: "a folder of texture images")
        }
        var images: [Image] = []
        for path in paths {
            do throws(ImagingError) { images.append(try ImageFile.read(path: path).image) } catch { throw .imaging(error) }
        }
        return images
    }
}
