// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "creators",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "creators", targets: ["creators"]),
        .library(name: "CreatorEngine", targets: ["CreatorEngine"]),
        .library(name: "CreatorText", targets: ["CreatorText"]),
        .library(name: "CorpusGenerator", targets: ["CorpusGenerator"]),
        .library(name: "CreatorServer", targets: ["CreatorServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.10.0"),
    ],
    targets: [
        // C shims: system libraries installed from Debian packages (see .ci/run).
        // ICU behind a C API of plain types (see Sources/CICU/include/cicu.h for why).
        .target(name: "CICU", linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        .target(
            name: "CSimdjson",
            linkerSettings: [.linkedLibrary("simdjson"), .linkedLibrary("stdc++")]
        ),

        // Lookalike scan kernels: int8 dot products, AVX2 chosen at run time (see csimilarity.h).
        .target(name: "CSimilarity"),

        // Postings kernels: decoding (AVX-512), skipping varints and summing (AVX2), chosen at run time (see cpostings.h).
        .target(name: "CPostings"),

        // Text analysis over ICU's C API. Imports no Foundation (see ARCHITECTURE.md).
        .target(name: "CreatorText", dependencies: ["CICU"]),

        // The engine: model, ingest, index storage, build (and later query, scoring, risk).
        .target(
            name: "CreatorEngine",
            dependencies: ["CreatorText", "CZlib", "CZstd", "CSimdjson", "CSimilarity", "CPostings"]
        ),

        // Deterministic synthetic dumps (`creators generate`).
        .target(name: "CorpusGenerator", dependencies: ["CZlib"]),

        // The servers: RESP (line protocol) and HTTP (API and web console) over one shared
        // command service. The engine knows nothing of networking; this target owns it all.
        .target(
            name: "CreatorServer",
            dependencies: [
                "CreatorEngine",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            // The console's HTML/CSS/JS sources: compiled in as ConsoleAssets+Embedded.swift.
            exclude: ["Console/assets"]
        ),

        .executableTarget(
            name: "creators",
            dependencies: [
                "CreatorEngine", "CorpusGenerator", "CreatorServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // jemalloc (Debian's libjemalloc-dev) replaces glibc's malloc for the whole
            // process: builds take 12–15 % less CPU and 5–7 % less peak memory with it (the
            // workers allocate what the merging thread frees); queries are unchanged.
            linkerSettings: [.linkedLibrary("jemalloc")]
        ),

        // Scratch folders for the test targets, removed when the test process exits.
        .target(name: "TestScratch", path: "Tests/TestScratch"),
        .testTarget(name: "CreatorTextTests", dependencies: ["CreatorText"]),
        .testTarget(name: "CreatorEngineTests", dependencies: ["CreatorEngine", "CorpusGenerator", "CSimilarity", "CPostings", "TestScratch"]),
        .testTarget(name: "CorpusGeneratorTests", dependencies: ["CorpusGenerator", "TestScratch"]),
        .testTarget(name: "CLITests", dependencies: ["creators", "TestScratch"]),
        .testTarget(name: "CreatorServerTests", dependencies: ["CreatorServer", "CreatorEngine", "CorpusGenerator", "TestScratch"]),
    ],
    cxxLanguageStandard: .cxx17
)
