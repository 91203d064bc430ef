import Features
import Foundation
import Imaging
import Scoring

extension ReportWriter {
    /// The anomaly-map overlays a report holds, or why it holds none.
    struct Overlays: Sendable {
        /// Test image path → the overlay's path inside the report.
        var files: [String: String] = [:]
        /// One line for report.md: why there are no overlays, or which could not be drawn.
        var note: String?
    }

    /// How many of the worst false alarms, and of the worst misses, get an overlay.
    static let overlayLimit = 5

    /// Draws ``AnomalyOverlay`` pictures of the worst false alarms and misses at the recommended
    /// threshold into `overlays/` under `folder`.
    ///
    /// An image that can no longer be read is skipped and named in the note: a report is still
    /// worth having without one picture.
    /// - Parameters:
    ///   - maps: each test image's anomaly map over the network input, by path; empty for a scorer without maps.
    ///   - detector: supplies the extractor's geometry (to carry maps back onto images) and the pixel threshold.
    /// - Throws: ``PipelineError/imaging(_:)`` or ``PipelineError/unwritable(path:reason:)`` when a file cannot be written.
    /// - Complexity: O(pixels of up to 2 · ``overlayLimit`` images).
    static func overlays(_ r: DatasetComparisonResult, maps: [String: AnomalyMap], detector: Detector?,
                         into folder: URL) throws(PipelineError) -> Overlays {
        guard !maps.isEmpty else {
            return Overlays(note: "No anomaly-map overlays: the scorer \(r.scorer) draws no anomaly maps (a map scorer such as `patchcore` does).")
        }
        guard let spatial = detector?.extractor as? any SpatialFeatureExtractor else {
            return Overlays(note: "No anomaly-map overlays: the detector's patch extractor is not available to place the maps on the images.")
        }
        guard let t = r.recommendedThreshold, !t.isNaN else {
            return Overlays(note: "No anomaly-map overlays: the recommended threshold could not be fitted.")
        }
        let m = r.mistakes(threshold: t, limit: overlayLimit)
        guard !m.falseAlarms.isEmpty || !m.misses.isEmpty else {
            return Overlays(note: "No anomaly-map overlays: the recommended threshold makes no mistakes on the test images.")
        }
        do {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("overlays"), withIntermediateDirectories: true)
        } catch { throw .unwritable(path: folder.path, reason: "the overlays folder cannot be created (\(error.localizedDescription))") }
        let pixelThreshold = detector?.pixelThreshold?.value
        var result = Overlays(), failed: [String] = []
        let wanted = m.falseAlarms.enumerated().map { ("false-alarm", $0.offset + 1, $0.element) }
            + m.misses.enumerated().map { ("miss", $0.offset + 1, $0.element) }
        for (kind, rank, scored) in wanted {
            guard let map = maps[scored.path] else { failed.append("\(r.relativePath(scored.path)) (no map)"); continue }
            let image: Image, onImage: AnomalyMap
            do throws(ImagingError) { image = try ImageFile.read(path: scored.path).image } catch {
                failed.append("\(r.relativePath(scored.path)) (\(error))")
                continue
            }
            do throws(PipelineError) { onImage = try MapGeometry.mapOnImage(map, width: image.width, height: image.height, extractor: spatial) } catch {
                failed.append("\(r.relativePath(scored.path)) (\(error))")
                continue
            }
            let name = "overlays/\(kind)-\(rank)-\(slug(r.relativePath(scored.path))).png"
            do throws(ImagingError) {
                try ImageFile.write(AnomalyOverlay.image(image, map: onImage, threshold: pixelThreshold), to: folder.appendingPathComponent(name).path)
            } catch { throw .imaging(error) }
            result.files[scored.path] = name
        }
        if !failed.isEmpty { result.note = "Overlays not drawn for \(failed.count) image(s): " + failed.joined(separator: "; ") + "." }
        return result
    }

    /// A file-name stem from a path: letters, digits, `-` and `_`, without the extension.
    static func slug(_ path: String) -> String {
        let stem = (path as NSString).deletingPathExtension
        return String(stem.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) && $0.isASCII || $0 == "_" ? Character($0) : "-" })
    }
}
