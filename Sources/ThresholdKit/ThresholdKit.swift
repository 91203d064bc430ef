// `import ThresholdKit` gives the whole public API, stage by stage: images, synthetic
// anomalies, features, scorers, thresholds and metrics, detectors and datasets, plus the
// score-file readers, array formats and the seeded random generator.
@_exported import ArrayFormats
@_exported import Features
@_exported import Imaging
@_exported import LinearAlgebra
@_exported import Pipeline
@_exported import Randomness
@_exported import ScoreFiles
@_exported import Scoring
@_exported import Synthesis
@_exported import Thresholding
