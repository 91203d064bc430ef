import Dispatch
import Features
import Foundation
import Imaging

/// What to do with an image file that cannot be decoded.
public enum UnreadablePolicy: String, Sendable, CaseIterable {
    /// Stop with an error naming the file.
    case fail
    /// Leave it out, and list it in the warnings.
    case skip
}

/// Feature vectors for a list of image files, computed in chunks with a per-file cache.
public struct FeatureTable: Sendable {
    /// One vector per kept file, in input order.
    public var vectors: [[Float]]
    /// The files behind `vectors` (unreadable ones skipped).
    public var paths: [String]
    /// The files left out, with the reason.
    public var skipped: [(path: String, reason: String)]
    /// Decoder warnings (recoverable JPEG damage), prefixed with the file.
    public var warnings: [String]

    /// Decoding happens in chunks of this many images, so memory stays bounded on large sets.
    static let chunkSize = 32

    /// Extracts features for `paths`, reading and filling `cache` when one is given.
    ///
    /// - Parameters:
    ///   - transform: applied to each decoded image before extraction (e.g. synthetic anomalies); disables the cache.
    ///   - progress: (done, total) after each chunk.
    /// - Throws: ``PipelineError/stage(_:)`` naming the file, for an unreadable file under `.fail` or an extractor error.
    /// - Complexity: one decode and one extraction per cache miss, decoded on both cores.
    public static func extract(
        _ paths: [String], extractor: any FeatureExtractor, cache: FeatureCache?, unreadable: UnreadablePolicy,
        maxPixels: Int = DecodingOptions().maxPixels,
        transform: (@Sendable (Int, Image) -> Image)? = nil,
        progress: (Int, Int) -> Void = { _, _ in }
    ) throws(PipelineError) -> FeatureTable {
        let cache = transform == nil ? cache : nil
        var table = FeatureTable(vectors: [], paths: [], skipped: [], warnings: [])
        var start = 0
        while start < paths.count {
            let chunk = Array(paths[start..<min(start + chunkSize, paths.count)])
            var cached = chunk.map { cache?.load($0, extractor: extractor.identifier, dimension: extractor.dimension) }
            let misses = chunk.indices.filter { cached[$0] == nil }
            let decoded = decodeInParallel(misses.map { chunk[$0] }, maxPixels: maxPixels)
            var images: [Image] = [], imageSlots: [Int] = []
            for (k, slot) in misses.enumerated() {
                switch decoded[k] {
                case .success(let d):
                    table.warnings += d.warnings.map { "\(chunk[slot]): \($0)" }
                    images.append(transform.map { $0(start + slot, d.image) } ?? d.image)
                    imageSlots.append(slot)
                case .failure(let error):
                    if unreadable == .fail { throw .stage(error.description + " (use --skip-unreadable to leave such files out)") }
                    table.skipped.append((chunk[slot], error.description))
                }
            }
            let vectors: [[Float]]
            do throws(FeaturesError) { vectors = try extractor.features(of: images) } catch { throw .stage(error.description) }
            for (slot, v) in zip(imageSlots, vectors) {
                cached[slot] = v
                cache?.store(v, for: chunk[slot], extractor: extractor.identifier)
            }
            for (slot, v) in cached.enumerated() {
                guard let v else { continue }
                table.vectors.append(v)
                table.paths.append(chunk[slot])
            }
            start += chunk.count
            progress(start, paths.count)
        }
        return table
    }

    /// Decodes files on both cores; each result is the image or the error naming its file.
    static func decodeInParallel(_ paths: [String], maxPixels: Int) -> [Result<DecodedImage, ImagingError>] {
        let results = ResultSlots<Result<DecodedImage, ImagingError>>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            do throws(ImagingError) {
                results[i] = .success(try ImageFile.read(path: paths[i], options: DecodingOptions(maxPixels: maxPixels)))
            } catch {
                results[i] = .failure(error)
            }
        }
        return results.values
    }
}
