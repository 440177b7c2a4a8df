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
        suite("Analysis", engineProduct: "CreatorText"),
        suite("Build", engineProduct: "CreatorEngine"),
        suite("Open", engineProduct: "CreatorEngine"),
        suite("Search", engineProduct: "CreatorEngine"),
        suite("Match", engineProduct: "CreatorEngine"),
        suite("Similarity", engineProduct: "CreatorEngine"),
    ]
)

/// A benchmark suite: an executable under Benchmarks/<name>, run by the benchmark plugin.
func suite(_ name: String, engineProduct: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: [
            "BenchmarkSupport",
            .product(name: "Benchmark", package: "benchmark"),
            .product(name: engineProduct, package: "creators"),
        ],
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}
