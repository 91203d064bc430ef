// swift-tools-version:6.0
import PackageDescription

// Modules follow the data flow: scores -> threshold -> labels. Later stages
// (images, features, scorers) plug in above `Thresholding` without it knowing.
let package = Package(
    name: "ThresholdKit",
    products: [
        .library(name: "ThresholdKit", targets: ["ThresholdKit"]),
        .executable(name: "thresholdkit", targets: ["ThresholdKitTool"]),
    ],
    targets: [
        // Seeded, platform-stable random numbers shared by every stage.
        .target(name: "Randomness"),
        // Scores -> threshold -> labels: strategies, metrics, p-values. No I/O.
        .target(name: "Thresholding"),
        // NumPy .npy arrays and a small ordered JSON value.
        .target(name: "ArrayFormats"),
        // Score sets from CSV, text, .npy and JSON files.
        .target(name: "ScoreFiles", dependencies: ["ArrayFormats"]),
        // zlib/DEFLATE: inflate and deflate, CRC-32 and Adler-32 (PNG, zip files).
        // Image type, PNG/JPEG/PNM/BMP codecs, resize, rotate, colour conversion.
        // Dense linear algebra the scorers need: matrix, GEMM, covariance, eigen, Cholesky, PCA.
        // Anomaly scorers: the scorer protocol, Gaussian KDE, the KDE classifier, Deep SVDD.
        // Composition: calibration, detectors, datasets, comparison reports.
        .target(name: "Pipeline", dependencies: ["Thresholding", "ArrayFormats", "Randomness"]),
        // A small command-line parser (subcommands, options, help).
        .target(name: "ArgumentParsing"),
        // The CLI's commands; composes the modules above, no maths of its own.
        .target(
            name: "Commands",
            dependencies: ["Thresholding", "ScoreFiles", "ArrayFormats", "ArgumentParsing", "Randomness", "Pipeline"]),
        // `import ThresholdKit` re-exports the public API.
        .target(name: "ThresholdKit", dependencies: ["Thresholding", "ScoreFiles", "ArrayFormats", "Randomness"]),
        .executableTarget(name: "ThresholdKitTool", dependencies: ["Commands"]),

        .executableTarget(
            name: "ThresholdingBenchmarks", dependencies: ["Thresholding", "Randomness"],
            path: "Benchmarks/ThresholdingBenchmarks"),

        // Runnable programs for the README's uses; `swift run <name>`.
        .executableTarget(name: "PlugInYourModel", dependencies: ["ThresholdKit"], path: "Examples/PlugInYourModel"),
        .executableTarget(name: "ThresholdFromGoodScores", dependencies: ["ThresholdKit"], path: "Examples/ThresholdFromGoodScores"),
        .executableTarget(name: "CompareStrategies", dependencies: ["ThresholdKit"], path: "Examples/CompareStrategies"),

        .testTarget(name: "RandomnessTests", dependencies: ["Randomness"]),
        .testTarget(name: "ThresholdingTests", dependencies: ["Thresholding", "Randomness"]),
        .testTarget(name: "ArrayFormatsTests", dependencies: ["ArrayFormats"]),
        .testTarget(name: "ScoreFilesTests", dependencies: ["ScoreFiles", "ArrayFormats"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Thresholding", "ArrayFormats", "Randomness"]),
        .testTarget(name: "ArgumentParsingTests", dependencies: ["ArgumentParsing"]),
        .testTarget(name: "CommandsTests", dependencies: ["Commands", "ArrayFormats", "ScoreFiles", "Thresholding"]),
    ]
)
