// swift-tools-version: 6.1
// Benchmarks for the creators engine, kept in their own package so that `swift build` and
// `swift test` of the main package never fetch or build package-benchmark.
// Run from this folder: `swift package benchmark` (see README.md).
import PackageDescription

let package = Package(
    name: "creators-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // Jemalloc (the default trait in older releases) needs libjemalloc-dev, which is not on
        // the image; the malloc interposer keeps the malloc counters without it.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(name: "creators", path: ".."),
    ],
    targets: [
        // Corpora, index directories, text samples and printing shared by the suites.
        .target(
            name: "BenchmarkSupport",
            dependencies: [
                .product(name: "CreatorEngine", package: "creators"),
                .product(name: "CorpusGenerator", package: "creators"),
            ]
        ),
        .executableTarget(
            name: "Analysis",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "CreatorText", package: "creators"),
            ],
            path: "Benchmarks/Analysis",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "Build",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "CreatorEngine", package: "creators"),
            ],
            path: "Benchmarks/Build",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "Open",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "CreatorEngine", package: "creators"),
            ],
            path: "Benchmarks/Open",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
