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
        .target(name: "DeflateCodec"),
        // Image type, PNG/JPEG/PNM/BMP codecs, resize, rotate, colour conversion.
        .target(name: "Imaging", dependencies: ["DeflateCodec", "ArrayFormats"]),
        // One hot kernel in C: the AVX2/FMA float GEMM micro-kernel, chosen at run time (per-function
        // target attributes, no unsafeFlags); other CPUs use the portable Swift kernel.
        .target(name: "CKernels"),
        // Dense linear algebra the scorers need: matrix, GEMM, covariance, eigen, Cholesky, PCA.
        .target(name: "LinearAlgebra", dependencies: ["Randomness", "CKernels"]),
        // Anomaly scorers: the scorer protocol, Gaussian KDE, the KDE classifier, Deep SVDD.
        .target(name: "Scoring", dependencies: ["LinearAlgebra", "Randomness", "ArrayFormats"]),
        // Perlin noise and synthetic anomalies made from good images.
        .target(name: "Synthesis", dependencies: ["Imaging", "Randomness"]),
        // Feature extractors: image -> vector. EfficientNet-Lite0 in Swift, pixels; zip + PyTorch weight readers.
        .target(name: "Features", dependencies: ["Imaging", "LinearAlgebra", "DeflateCodec", "ArrayFormats"]),
        // Composition: calibration, detectors, datasets, comparison reports.
        .target(name: "Pipeline", dependencies: ["Thresholding", "ArrayFormats", "Randomness", "Imaging", "Synthesis", "Scoring", "Features", "LinearAlgebra"]),
        // A small command-line parser (subcommands, options, help).
        .target(name: "ArgumentParsing"),
        // The CLI's commands; composes the modules above, no maths of its own.
        // It may not import Scoring, LinearAlgebra or Features: Pipeline offers what it needs of them,
        // and MemberImportVisibility makes a member of a module it does not import a compile error.
        .target(
            name: "Commands",
            dependencies: ["Thresholding", "ScoreFiles", "ArrayFormats", "ArgumentParsing", "Randomness", "Pipeline", "Imaging", "Synthesis"],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]),
        // `import ThresholdKit` re-exports the public API.
        .target(
            name: "ThresholdKit",
            dependencies: ["Thresholding", "ScoreFiles", "ArrayFormats", "Randomness", "Imaging", "Synthesis", "Features",
                           "LinearAlgebra", "Scoring", "Pipeline"]),
        .executableTarget(name: "ThresholdKitTool", dependencies: ["Commands"]),

        // What the benchmarks share: python3 references run in the same process, the timing table row.
        .target(name: "BenchmarkSupport", dependencies: ["ArrayFormats"], path: "Benchmarks/BenchmarkSupport"),
        // Benchmarks: release builds only (`swift run -c release <name> [--json]`); each prints anchors and ratios.
        .executableTarget(
            name: "ThresholdingBenchmarks", dependencies: ["BenchmarkSupport", "Thresholding", "Randomness"],
            path: "Benchmarks/ThresholdingBenchmarks"),
        .executableTarget(
            name: "ScoringBenchmarks", dependencies: ["BenchmarkSupport", "Scoring", "LinearAlgebra", "Randomness", "ArrayFormats"],
            path: "Benchmarks/ScoringBenchmarks"),
        .executableTarget(
            name: "DeepSVDDBenchmarks", dependencies: ["Scoring", "Randomness", "ArrayFormats"],
            path: "Benchmarks/DeepSVDDBenchmarks"),
        .executableTarget(
            name: "DeepSVDDBottle", dependencies: ["TestSupport", "Scoring", "Imaging", "Features", "Pipeline", "Thresholding"],
            path: "Benchmarks/DeepSVDDBottle"),
        .executableTarget(
            name: "SynthesisBenchmarks", dependencies: ["BenchmarkSupport", "Synthesis", "Imaging", "Randomness"],
            path: "Benchmarks/SynthesisBenchmarks"),
        .executableTarget(
            name: "ImagingBenchmarks", dependencies: ["BenchmarkSupport", "TestSupport", "Imaging"], path: "Benchmarks/ImagingBenchmarks"),
        .executableTarget(
            name: "PatchCoreBenchmarks",
            dependencies: ["BenchmarkSupport", "TestSupport", "Features", "Scoring", "Imaging", "LinearAlgebra", "Randomness",
                           "Thresholding", "ArrayFormats"],
            path: "Benchmarks/PatchCoreBenchmarks"),
        .executableTarget(
            name: "RecommendationValidation", dependencies: ["BenchmarkSupport", "Pipeline", "Thresholding", "Randomness", "ArrayFormats"],
            path: "Benchmarks/RecommendationValidation"),
        .executableTarget(
            name: "FeaturesBenchmarks", dependencies: ["BenchmarkSupport", "TestSupport", "Features", "Imaging", "ArrayFormats"],
            path: "Benchmarks/FeaturesBenchmarks"),

        // Runnable programs for the README's uses; `swift run <name>`.
        .executableTarget(name: "PlugInYourModel", dependencies: ["ThresholdKit"], path: "Examples/PlugInYourModel"),
        .executableTarget(name: "ThresholdFromGoodScores", dependencies: ["ThresholdKit"], path: "Examples/ThresholdFromGoodScores"),
        .executableTarget(name: "CompareStrategies", dependencies: ["ThresholdKit"], path: "Examples/CompareStrategies"),
        .executableTarget(name: "SyntheticAnomalies", dependencies: ["ThresholdKit"], path: "Examples/SyntheticAnomalies"),

        // Where the ../shared reference data is, for the test targets and the benchmarks.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "RandomnessTests", dependencies: ["Randomness"]),
        .testTarget(name: "ThresholdingTests", dependencies: ["Thresholding", "Randomness"]),
        .testTarget(name: "ArrayFormatsTests", dependencies: ["ArrayFormats"]),
        .testTarget(name: "ScoreFilesTests", dependencies: ["ScoreFiles", "ArrayFormats"]),
        .testTarget(name: "DeflateCodecTests", dependencies: ["DeflateCodec", "Randomness"]),
        .testTarget(name: "ImagingTests", dependencies: ["TestSupport", "Imaging", "DeflateCodec", "Randomness"]),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra", "Randomness"]),
        .testTarget(name: "ScoringTests", dependencies: ["TestSupport", "Scoring", "LinearAlgebra", "Randomness", "ArrayFormats"]),
        .testTarget(name: "SynthesisTests", dependencies: ["Synthesis", "Imaging", "Randomness"]),
        .testTarget(name: "FeaturesTests", dependencies: ["TestSupport", "Features", "Imaging", "LinearAlgebra", "DeflateCodec", "ArrayFormats", "Randomness"]),
        .testTarget(name: "PipelineTests", dependencies: ["TestSupport", "Pipeline", "Thresholding", "ArrayFormats", "Randomness", "Imaging", "LinearAlgebra", "Scoring", "Features", "Synthesis"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "ArgumentParsingTests", dependencies: ["ArgumentParsing"]),
        .testTarget(name: "CommandsTests", dependencies: ["TestSupport", "Commands", "ArrayFormats", "ScoreFiles", "Thresholding", "Imaging", "Randomness"]),
    ]
)
