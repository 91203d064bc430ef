import ArrayFormats

/// Reads scores from a `.npy` array; such files never carry labels.
enum NPYScores {
    /// Accepts shape `(n,)` or `(n, 1)` of any numeric dtype, converted to `Double`.
    static func read(_ array: NPYArray, source: String, options: ScoreFileOptions) throws(ScoreFileError) -> ScoreSet {
        guard array.shape.count == 1 || (array.shape.count == 2 && array.shape[1] == 1) else {
            throw .unsupportedShape(source: source, shape: array.shape)
        }
        let values = array.doubles()
        var collector = ScoreCollector(source: source, policy: options.nonFinite, capacity: values.count)
        for (i, value) in values.enumerated() {
            try collector.add(value, label: nil, text: nonFiniteText(value), at: .element(array: "scores", index: i))
        }
        return collector.scoreSet(hasLabels: false)
    }
}

/// How Python would print a non-finite value, for messages about JSON and `.npy` scores.
func nonFiniteText(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    return value > 0 ? "Infinity" : "-Infinity"
}
