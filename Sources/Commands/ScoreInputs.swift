import ScoreFiles

/// Normal and anomalous scores gathered from the `--normal` and `--anomalous` files.
///
/// A file's label column wins over the option it came from: rows labelled
/// anomalous in `--normal` count as anomalous, and vice versa. Unlabelled rows
/// take the class of their option.
struct ScoreInputs {
    var normal: [Double] = []
    var anomalous: [Double] = []

    /// Reads one file and reports dropped non-finite scores as a warning.
    static func read(_ path: String, options: ScoreFileOptions, warn: (String) -> Void) throws(CommandError) -> ScoreSet {
        do throws(ScoreFileError) {
            let set = try ScoreFile.read(path: path, options: options)
            if set.droppedNonFinite > 0 {
                warn("warning: \(path): dropped \(set.droppedNonFinite) NaN or infinite score(s)")
            }
            return set
        } catch {
            throw .data(error.description)
        }
    }

    mutating func add(_ set: ScoreSet, defaultAnomalous: Bool) {
        guard let labels = set.labels else {
            if defaultAnomalous { anomalous += set.scores } else { normal += set.scores }
            return
        }
        for (s, isAnomalous) in zip(set.scores, labels) {
            if isAnomalous { anomalous.append(s) } else { normal.append(s) }
        }
    }
}
