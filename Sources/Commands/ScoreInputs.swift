import ScoreFiles

/// Normal and anomalous scores gathered from the `--normal` and `--anomalous` files.
///
/// A file's label column wins over the option it came from: rows labelled
/// anomalous in `--normal` count as anomalous, and vice versa, with a warning that
/// says how many moved. Unlabelled rows take the class of their option.
struct ScoreInputs {
    var normal: [Double] = []
    var anomalous: [Double] = []

    /// Reads one file and reports dropped non-finite scores and an ignored `--column` as warnings.
    static func read(_ path: String, options: ScoreFileOptions, warn: (String) -> Void) throws(CommandError) -> ScoreSet {
        // Standard input's format shows only in its content, so --column is not judged there.
        let format = path == ScoreFile.standardInputPath ? nil : ScoreFileFormat(path: path)
        if options.column != ScoreFileOptions().column, let format, format == .text || format == .npy {
            warn("warning: --column is ignored for \(path): a \(format == .npy ? ".npy" : "text") file holds one score per entry, with no columns")
        }
        do throws(ScoreFileError) {
            let set = try ScoreFile.read(path: path, options: options)
            if set.droppedNonFinite > 0 {
                warn("warning: \(path): dropped \(set.droppedNonFinite) NaN or infinite score(s)")
            }
            return set
        } catch {
            throw .scoreFile(error)
        }
    }

    /// Adds a file's scores; returns how many rows went to the other class because of their label.
    @discardableResult
    mutating func add(_ set: ScoreSet, defaultAnomalous: Bool) -> Int {
        guard let labels = set.labels else {
            if defaultAnomalous { anomalous += set.scores } else { normal += set.scores }
            return 0
        }
        var moved = 0
        for (s, isAnomalous) in zip(set.scores, labels) {
            if isAnomalous { anomalous.append(s) } else { normal.append(s) }
            if isAnomalous != defaultAnomalous { moved += 1 }
        }
        return moved
    }

    /// Adds `--normal` (and `--anomalous`) files, warning about rows whose label moved them.
    static func normalAndAnomalous(normal: String, anomalous: String?, options: ScoreFileOptions,
                                   warn: (String) -> Void) throws(CommandError) -> ScoreInputs {
        var inputs = ScoreInputs()
        let moved = inputs.add(try read(normal, options: options, warn: warn), defaultAnomalous: false)
        if moved > 0 { warn("warning: \(normal): \(moved) row(s) labelled anomalous count as anomalous scores, not as good ones") }
        if let anomalous {
            let back = inputs.add(try read(anomalous, options: options, warn: warn), defaultAnomalous: true)
            if back > 0 { warn("warning: \(anomalous): \(back) row(s) labelled good count as good scores") }
        }
        return inputs
    }
}
