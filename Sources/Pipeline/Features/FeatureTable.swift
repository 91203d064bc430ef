import Dispatch
import Features
import Foundation
import Imaging
import LinearAlgebra

/// What to do with an image file that cannot be decoded.
public enum UnreadablePolicy: String, Sendable, CaseIterable {
    /// Stop with an error naming the file.
    case fail
    /// Leave it out, and list it in the warnings.
    case skip
}

/// The features of a list of image files, computed in chunks with a per-file cache.
public struct FeatureTable: Sendable {
    /// One sample per kept file, in input order.
    public var batch: FeatureBatch
    /// The files behind `batch` (unreadable ones skipped).
    public var paths: [String]
    /// The files left out, with the reason.
    public var skipped: [(path: String, reason: String)]
    /// Decoder warnings (recoverable JPEG damage) and cache trouble, prefixed with the file.
    public var warnings: [String]

    /// The skipped files and the warnings, one line each, as a job reports them.
    public var notes: [String] { skipped.map { "skipped \($0.path): \($0.reason)" } + warnings }

    /// `lines` without repeats, in first-seen order: several extractions of one run (one per
    /// candidate configuration) see the same decoder warnings.
    static func distinct(_ lines: [String]) -> [String] {
        var seen = Set<String>()
        return lines.filter { seen.insert($0).inserted }
    }

    /// Decoding happens in chunks of this many images, so memory stays bounded on large sets.
    static let chunkSize = 32

    /// Extracts features for `paths`, reading and filling `cache` when one is given.
    ///
    /// When the cache cannot be written, the first table of the run to find out carries the
    /// one warning (naming the folder) and the run goes on without writing; after writing,
    /// the cache evicts its least recently used entries down to its cap.
    ///
    /// - Parameters:
    ///   - transform: applied to each decoded image with its index before extraction (synthetic
    ///     anomalies); disables the cache.
    ///   - progress: (done, total) after each chunk.
    /// - Throws: ``PipelineError/imaging(_:)`` for an unreadable file under `.fail`,
    ///   ``PipelineError/features(_:)`` for an extractor error.
    /// - Complexity: one read per file, one decode and one extraction per cache miss, decoded on both cores.
    public static func extract(
        _ paths: [String], extractor: any FeatureExtractor, cache: FeatureCache?, unreadable: UnreadablePolicy,
        maxPixels: Int = DecodingOptions().maxPixels,
        transform: (@Sendable (Int, Image) -> Image)? = nil,
        progress: (Int, Int) -> Void = { _, _ in }
    ) throws(PipelineError) -> FeatureTable {
        let cache = transform == nil ? cache : nil
        defer { cache?.evictAfterWrites() }
        var parts: [FeatureBatch] = []
        var table = FeatureTable(batch: FeatureBatch(dimension: extractor.dimension), paths: [], skipped: [], warnings: [])
        var start = 0
        while start < paths.count {
            let chunk = Array(paths[start..<min(start + chunkSize, paths.count)])
            let files = readInParallel(chunk)
            var keys = [String?](repeating: nil, count: chunk.count)
            var cached = [FeatureBatch?](repeating: nil, count: chunk.count)
            if let cache {
                for (slot, file) in files.enumerated() {
                    guard case .success(let bytes) = file else { continue }
                    keys[slot] = FeatureCache.key(contents: bytes, extractor: extractor.identifier)
                    cached[slot] = cache.load(keys[slot]!, dimension: extractor.dimension)
                }
            }
            let misses = chunk.indices.filter { cached[$0] == nil }
            let decoded = decodeInParallel(misses.map { (chunk[$0], files[$0]) }, maxPixels: maxPixels)
            var images: [Image] = [], imageSlots: [Int] = []
            for (k, slot) in misses.enumerated() {
                switch decoded[k] {
                case .success(let d):
                    table.warnings += d.warnings.map { "\(chunk[slot]): \($0)" }
                    images.append(transform.map { $0(start + slot, d.image) } ?? d.image)
                    imageSlots.append(slot)
                case .failure(let error):
                    if unreadable == .fail { throw .imaging(error) }
                    table.skipped.append((chunk[slot], error.description))
                }
            }
            let extracted: FeatureBatch
            do throws(FeaturesError) { extracted = try extractor.features(of: images) } catch { throw .features(error) }
            for (k, slot) in imageSlots.enumerated() {
                let sample = extracted.samples(k..<(k + 1))
                cached[slot] = sample
                if let cache, let key = keys[slot], let warning = cache.storeForRun(sample, key: key) {
                    table.warnings.append(warning)
                }
            }
            for (slot, sample) in cached.enumerated() {
                guard let sample else { continue }
                parts.append(sample)
                table.paths.append(chunk[slot])
            }
            start += chunk.count
            progress(start, paths.count)
        }
        if !parts.isEmpty { table.batch = FeatureBatch(concatenating: parts) }
        return table
    }

    /// Reads files on both cores; each result is the bytes or the error naming its file.
    static func readInParallel(_ paths: [String]) -> [Result<[UInt8], ImagingError>] {
        let results = ResultSlots<Result<[UInt8], ImagingError>>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            do throws(ImagingError) { results[i] = .success(try ImageFile.bytes(path: paths[i])) } catch { results[i] = .failure(error) }
        }
        return results.values
    }

    /// Decodes read files on both cores; each result is the image or the error naming its file.
    static func decodeInParallel(_ files: [(path: String, bytes: Result<[UInt8], ImagingError>)],
                                 maxPixels: Int) -> [Result<DecodedImage, ImagingError>] {
        let results = ResultSlots<Result<DecodedImage, ImagingError>>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let (path, read) = files[i]
            switch read {
            case .failure(let e): results[i] = .failure(e)
            case .success(let bytes):
                do throws(ImagingError) {
                    results[i] = .success(try ImageFile.decode(bytes, file: path, options: DecodingOptions(maxPixels: maxPixels)))
                } catch { results[i] = .failure(error) }
            }
        }
        return results.values
    }
}
