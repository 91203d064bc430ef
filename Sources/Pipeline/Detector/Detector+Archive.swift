import ArrayFormats
import Features
import Scoring
import Thresholding

extension Detector {
    /// The `format` value that marks a detector file, and the layout version this code writes.
    /// Version 1 files (ThresholdKit 0.1) still load.
    public static let fileFormat = "thresholdkit-detector"
    public static let fileVersion = 2

    /// Writes the detector to `path` atomically (a temp file beside it, then a rename), as a
    /// checksummed ``TensorArchive``: settings in its JSON header, every array bit for bit.
    /// - Throws: ``PipelineError/detectorFile(path:reason:)`` when the scorer cannot be stored
    ///   (not archivable, not fitted) or the file cannot be written.
    public func write(to path: String) throws(PipelineError) {
        let archive: TensorArchive
        do throws(PipelineError) { archive = try self.archive() } catch {
            if case .invalidSetting(_, let value, let expected) = error {
                throw .detectorFile(path: path, reason: "the \(value) scorer cannot be saved: \(expected)")
            }
            throw error
        }
        do throws(ArrayFormatError) { try archive.write(to: path) } catch {
            throw .detectorFile(path: path, reason: Self.reason(error, path: path))
        }
    }

    /// The detector as an archive: the header holds the features, the scorer's settings, the
    /// threshold, the normalisation and the calibration; the arrays hold the calibration
    /// scores and the scorer's arrays (`scorer/<name>`).
    /// - Throws: ``PipelineError/invalidSetting(name:value:expected:)`` when the scorer is not an
    ///   ``ArchivableScorer`` or was never fitted.
    public func archive() throws(PipelineError) -> TensorArchive {
        guard let archivable = scorer as? any ArchivableScorer else {
            throw .invalidSetting(name: "scorer", value: scorer.name,
                                  expected: "it does not conform to ArchivableScorer, so this detector works in memory only")
        }
        let record: ArchiveRecord
        do throws(ScoringError) { record = try archivable.archived() } catch {
            throw .invalidSetting(name: "scorer", value: scorer.name, expected: "\(error)")
        }
        var scorerJSON: [(key: String, value: JSONValue)] = [("kind", .string(type(of: archivable).kind))]
        scorerJSON += record.settings.objectValue ?? []
        var metadata: JSONValue = [
            "format": .string(Self.fileFormat), "version": .number(Double(Self.fileVersion)),
            "features": Self.json(features),
            "scorer": .object(scorerJSON),
            "threshold": threshold.json,
            "normalization": ["minimum": .number(normalization.minimum), "maximum": .number(normalization.maximum)],
            "calibration": ["mode": .string(calibration.rawValue), "guarantee": .string(calibration.guarantee),
                            "count": .number(Double(calibrationScores.count))],
            "scores": ["training": .number(Double(scores.training.count)), "anomalous": .number(Double(scores.anomalous.count)),
                       "synthetic": .number(Double(scores.synthetic.count))],
            "provenance": provenance,
        ]
        if let pixelThreshold, case var .object(fields) = metadata {
            fields.append(("pixel", ["threshold": pixelThreshold.json, "maxima": .number(Double(pixelMaxima.count))]))
            metadata = .object(fields)
        }
        var sections = [("calibration_scores", NPYArray(calibrationScores))]
        for (name, values) in [("training_scores", scores.training), ("anomalous_scores", scores.anomalous),
                               ("synthetic_scores", scores.synthetic)] where !values.isEmpty {
            sections.append((name, NPYArray(values)))
        }
        if pixelThreshold != nil && !pixelMaxima.isEmpty { sections.append(("pixel_maxima", NPYArray(pixelMaxima))) }
        sections += record.arrays.map { ("scorer/" + $0.name, $0.array) }
        return TensorArchive(metadata: metadata, sections: sections)
    }

    /// The archive error's text without its leading file name, which `detectorFile` already gives.
    static func reason(_ error: ArrayFormatError, path: String) -> String {
        let text = error.description
        return text.hasPrefix(path + ": ") ? String(text.dropFirst(path.count + 2)) : text
    }

    static func json(_ features: FeatureSource) -> JSONValue {
        switch features {
        case let .vectors(d): return ["kind": "vectors", "dimension": .number(Double(d))]
        case let .extractor(e):
            return ["kind": .string(e.kind), "settings": e.settings, "identifier": .string(e.identifier),
                    "dimension": .number(Double(e.dimension)), "weights_sha256": e.weightsSHA256.map(JSONValue.string) ?? .null]
        }
    }
}
