// `import ThresholdKit` gives the whole public API: strategies and metrics,
// score-file readers, array formats and the seeded random generator.
@_exported import ArrayFormats
@_exported import Randomness
@_exported import ScoreFiles
@_exported import Thresholding
