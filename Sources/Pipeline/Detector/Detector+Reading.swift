import ArrayFormats
import Features
import Scoring
import Thresholding

extension Detector {
    /// Reads a detector written by ``write(to:)`` (format version 2) or by ThresholdKit 0.1 (version 1).
    ///
    /// The detector comes back without a live extractor; call
    /// ``attachingExtractor(weightsPath:registry:)`` before predicting on images.
    /// - Parameter registry: the scorer kinds it can restore; add your own scorer types to it.
    /// - Throws: ``PipelineError/detectorFile(path:reason:)`` for a missing, truncated, damaged or
    ///   foreign file, a newer format version, an unknown scorer kind, or any missing or
    ///   malformed field (named).
    public static func read(path: String, registry: ScorerRegistry = ScorerCatalog.standard.registry) throws(PipelineError) -> Detector {
        let archive: TensorArchive
        do throws(ArrayFormatError) { archive = try TensorArchive.read(path: path) } catch {
            throw .detectorFile(path: path, reason: Self.reason(error, path: path))
        }
        return try Detector(archive: archive, path: path, registry: registry)
    }

    /// Rebuilds a detector from an archive; `path` names it in errors.
    public init(archive: TensorArchive, path: String, registry: ScorerRegistry = ScorerCatalog.standard.registry) throws(PipelineError) {
        func fail(_ reason: String) -> PipelineError { .detectorFile(path: path, reason: reason) }
        let header = ArchiveRecord(settings: archive.metadata)
        guard archive.metadata["format"]?.stringValue == Self.fileFormat else {
            throw fail("not a ThresholdKit detector (its header has no \"format\": \"\(Self.fileFormat)\")")
        }
        guard let version = archive.metadata["version"]?.intValue else { throw fail("version must be an integer") }
        guard version == 1 || version == Self.fileVersion else {
            throw fail(version > Self.fileVersion
                ? "format version \(version) is newer than this build reads (1 and \(Self.fileVersion)); update ThresholdKit"
                : "format version \(version) is unknown; refit the detector with `thresholdkit fit`")
        }
        let kind: String
        do throws(ArchiveFieldError) { kind = try header.string("scorer", "kind") } catch { throw fail(error.description) }
        // Version 1 stored the scorer's arrays under their own names; version 2 prefixes them.
        let scorerArrays = version == 1
            ? archive.sections.filter { $0.name != "calibration_scores" }
            : archive.sections.compactMap { s in s.name.hasPrefix("scorer/") ? (String(s.name.dropFirst(7)), s.array) : nil }
        let scorer: any ArchivableScorer
        do throws(ScoringError) {
            scorer = try registry.restore(kind: kind, from: ArchiveRecord(settings: header.settings["scorer"] ?? [:], arrays: scorerArrays))
        } catch {
            if case .archive(let field) = error { throw fail(field.within("scorer").description) }
            throw fail("the stored \(kind) scorer cannot be rebuilt: \(error)")
        }
        do throws(ArchiveFieldError) {
            let features = try Self.featureSource(header, version: version)
            let threshold: FittedThreshold
            do throws(ArchiveFieldError) {
                threshold = version == 1 ? try FittedThreshold(version1: try header.value("threshold"))
                                         : try FittedThreshold(json: try header.value("threshold"))
            } catch { throw error.within("threshold") }
            let mode = CalibrationMode(rawValue: try header.choice("calibration", "mode", from: CalibrationMode.allCases.map(\.rawValue)))!
            let arrays = ArchiveRecord(arrays: archive.sections)
            let calibrationScores = try arrays.doubles("calibration_scores")
            guard calibrationScores.count == (try header.int("calibration", "count")) else {
                throw ArchiveFieldError(field: "calibration.count", reason: "does not match the \(calibrationScores.count) stored calibration scores")
            }
            // Version 1 kept only the calibration scores; version 2 also the training, anomalous and synthetic ones.
            var stored: [String: [Double]] = [:]
            for name in ["training", "anomalous", "synthetic"] where version > 1 {
                let count = try header.int("scores", name, in: 0...Int(Int32.max))
                stored[name] = count == 0 ? [] : try arrays.doubles(name + "_scores", count: count)
            }
            let normalization = ScoreNormalization(threshold: threshold.value, minimum: try header.double("normalization", "minimum"),
                                                   maximum: try header.double("normalization", "maximum"))
            let scores = ThresholdScores(mode: mode, calibration: calibrationScores, training: stored["training"] ?? [],
                                         anomalous: stored["anomalous"] ?? [], synthetic: stored["synthetic"] ?? [])
            self.init(features: features, scorer: scorer, threshold: threshold, scores: scores, normalization: normalization,
                      provenance: archive.metadata["provenance"] ?? [:])
            if header.has("pixel") {
                do throws(ArchiveFieldError) {
                    pixelThreshold = try FittedThreshold(json: try header.value("pixel", "threshold"))
                } catch { throw error.within("pixel.threshold") }
                let count = try header.int("pixel", "maxima", in: 0...Int(Int32.max))
                pixelMaxima = count == 0 ? [] : try arrays.doubles("pixel_maxima", count: count)
            }
        } catch {
            throw fail(error.description)
        }
    }

    /// The feature source; version 1 named preset extractors (`pixels`, `grey128`) instead of kinds and settings.
    static func featureSource(_ header: ArchiveRecord, version: Int) throws(ArchiveFieldError) -> FeatureSource {
        let kind = try header.string("features", "kind")
        let dimension = try header.int("features", "dimension", in: 1...(1 << 30))
        if kind == "vectors" { return .vectors(dimension: dimension) }
        let identifier = try header.string("features", "identifier")
        let digest = header.has("features", "weights_sha256") ? try header.value("features", "weights_sha256").stringValue : nil
        guard version == 1 else {
            return .extractor(.init(kind: kind, settings: try header.value("features", "settings"), identifier: identifier,
                                    dimension: dimension, weightsSHA256: digest))
        }
        switch kind {
        case "pixels": return .extractor(.init(kind: PixelsExtractor.kind, settings: ["size": 32], identifier: identifier,
                                               dimension: dimension, weightsSHA256: nil))
        case "grey128": return .extractor(.init(kind: PixelsExtractor.kind, settings: ["size": 128], identifier: identifier,
                                                dimension: dimension, weightsSHA256: nil))
        case "efficientnet-lite0":
            let size = identifier.split(separator: "/").last.flatMap { $0.hasPrefix("size-") ? Int($0.dropFirst(5)) : nil } ?? 256
            return .extractor(.init(kind: EfficientNetExtractor.kind, settings: ["size": .number(Double(size))], identifier: identifier,
                                    dimension: dimension, weightsSHA256: digest))
        default:
            throw ArchiveFieldError(field: "features.kind", reason: "\"\(kind)\" is unknown (expected vectors, efficientnet-lite0, pixels or grey128)")
        }
    }
}
